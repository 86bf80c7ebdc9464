import { defineRule } from '@postlint/core';
import { loadLexicon, phrases, type Lexicon } from './lib/lexicon.js';
import { loadModel, modelJudgement, modelScore, wordFeatures } from './lib/model.js';
import { analyseVoice } from './lib/voice.js';
import { compilePhrases, findAll, findCategories, fold, foldText, foldedSet, inside, maskNonProse, overlaps, quote, sentences, type PhraseMatch, type Sentence, type Span } from './lib/text.js';

export type Options = {
  /** More phrases per kind: blame, denial, repeat, sarcasm, argue. */
  extra: Partial<Record<Kind, string[]>>;
  /** Phrases never flagged (house style the team has agreed on). */
  allow: string[];
  /** Ask the word model when no phrase gives the reply away. */
  model: boolean;
};

/** Kinds of defensiveness, worst first: the worst one found is the one reported. */
const KINDS = ['blame', 'denial', 'argue', 'sarcasm', 'repeat', 'shouting'] as const;
type Kind = (typeof KINDS)[number];

/** Words of 3+ letters in capitals ("NEVER", "NUNCA"): shouting unless an acronym or a brand. */
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu;
/** The contrast that takes a thank-you back in the same sentence. */
const BUT = /,?\s(?:but|pero|sin embargo|however)\b/iu;
/** A sentence that opens by taking back what came before: "However, …", "Sin embargo, …", "But let's be honest…". */
const CONTRAST_OPENER = /^(?:but|however|that said|having said that|still|pero|sin embargo|igual|aun asi|ahora bien|eso si|no obstante)\b/u;
const BANG_CHAIN = /[!¡]{2,}|[?¿][!¡]|[!¡][?¿]/gu;
const NEVER = /$^/gu;
/**
 * Second person + negated past: "you didn't practise", "no practicaste", "no te fijaste".
 * Not what the customer did not get: "the tint you didn't get", "lo que no recibiste" is
 * the business's failure.
 */
const BLAME_PATTERNS: Readonly<Record<string, RegExp>> = {
  en: /\byou (?:(?:didn['’]t|did not|never)(?! (?:get|receive|have)\b)|failed to|forgot to|ignored|chose to|decided to|refused|misread|misunderstood|should have|should've)\b/giu,
  es: /(?<![\p{L}])(?:usted |tú )?no (?:te |lo |la |los |las |le |nos |se )?(?!recib|obtuv|tuv)\p{L}{2,}(?:aste|iste)(?![\p{L}])|(?<![\p{L}])usted no (?:se |lo |la |le )?\p{L}{3,}(?![\p{L}])|(?<=(?:^|[.!?¡¿…]\s*))haber(?:lo|la|los|las|le|te|se)? ?\p{L}+(?:ado|ido)(?![\p{L}])/giu,
};
/**
 * The customer as the one who acted ("the conditions you ticked", "usted prefirió", "firmaste"):
 * outside an apology or a thank-you, pinning the outcome on their own choice.
 */
const CUSTOMER_DID: Readonly<Record<string, RegExp>> = {
  en: /\byou(?:['’]d| had| have)? (?:\p{L}{3,}ed|chose|chosen|made|took|signed|paid|left|came|told|wrote|said|brought|sent|bought|knew|saw|agreed|got)\b/giu,
  es: /(?<![\p{L}])usted (?:ya |no )?(?:se |lo |la |le )?\p{L}{3,}ó(?![\p{L}])|(?<![\p{L}])(?:(?:tú|vos) )?(?:ya )?(?:te |lo |la |le )?\p{L}{2,}(?:aste|iste)(?![\p{L}])/giu,
};
/** Words in -aste/-iste that are not "you did" verbs. */
const NOT_PRETERITE = new Set(['existe', 'consiste', 'insiste', 'resiste', 'persiste', 'desiste', 'subsiste', 'asiste', 'triste', 'chiste', 'despiste', 'alpiste', 'contraste', 'desgaste', 'traste', 'engaste', 'baste']);
/** A few of the customer's words in quotes ("impossible", «como nuevo»): thrown back at them. */
const SCARE_QUOTE = /["“«]([^"“”«»\n]{2,40})["”»]/gu;

/** True when the words just before a match negate it ("not our fault", "no fue culpa nuestra"). */
function negated(lower: string, m: Span): boolean {
  return /(?:^|[^\p{L}])(?:not|no|n't|isn't|wasn't|never|nunca|ni|tampoco)\s+(?:\p{L}+\s+)?$/u.test(lower.slice(Math.max(0, m.start - 20), m.start));
}

/** "Sure, because…" / "Claro, porque…": agreeing in order to mock. */
const SARCASTIC_OPENER = /^(?:sure|oh sure|of course|yeah right|claro|por supuesto|si, claro|ya, claro)\b[^.!?]{0,40}?\b(?:because|porque)\b/u;

const list = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export default defineRule<Options>({
  meta: {
    id: 'defensive-tone',
    description: {
      en: 'A reply to criticism argues, blames, denies or mocks instead of acknowledging, giving facts, thanking and fixing.',
      es: 'Una respuesta a una crítica discute, culpa, niega o ironiza en lugar de reconocer, dar datos, agradecer y solucionar.',
    },
    recommended: 'warn',
    languages: ['en', 'es'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        extra: {
          type: 'object',
          description: 'More phrases per kind of defensiveness: blame, denial, argue, sarcasm, repeat.',
          additionalProperties: false,
          properties: { blame: list, denial: list, argue: list, sarcasm: list, repeat: list },
        },
        allow: { ...list, description: 'Phrases never flagged (wording the team has agreed on).' },
        model: {
          type: 'boolean',
          description: 'When no phrase or sign gives a reply away, ask the word model trained on the labelled corpus (rules/lexicons/defensive-tone.model.json) and report the reply it reads as defensive. false: only the word lists and signs decide.',
        },
      },
    },
    defaultOptions: { extra: {}, allow: [], model: true },
    messages: {
      en: {
        blame: '{{phrase}} puts the blame on the customer. Acknowledge what went wrong, thank them and offer a fix, e.g. “Thanks for telling us; we’ll sort out your order today.”',
        denial: '{{phrase}} flatly denies the complaint. If they are mistaken, correct it kindly with facts (dates, figures, a link) and thank them; if not, admit it and fix it.',
        argue: '{{phrase}} argues with the customer. Acknowledge their experience, give objective facts and offer to fix it.',
        sarcasm: '{{phrase}} reads as sarcasm. Take the complaint at face value: acknowledge it, thank them and say what you will do.',
        repeat: '{{phrase}} sounds impatient. Answer as if it were the first time: give the facts again, kindly, and offer help.',
        shouting: 'Capitals and strings of exclamation marks ({{phrase}}) read as shouting. Write in sentence case and keep the tone calm.',
        unacknowledged:
          'This reply answers a complaint without acknowledging it, thanking the person or offering a fix. Start from their experience, e.g. “Thanks for telling us, and sorry about the wait; we’ll look into it today.”',
        tone: 'This reply reads as pushing back rather than listening, especially {{phrase}}. Acknowledge the problem, thank the person and say what you will do, e.g. “Thanks for telling us; sorry about the wait, we’ll call you today.”',
      },
      es: {
        blame: '{{phrase}} echa la culpa al cliente. Reconoce lo que falló, dale las gracias y ofrece una solución, p. ej. «Gracias por avisarnos; hoy mismo revisamos tu pedido».',
        denial: '{{phrase}} niega la queja sin más. Si hay un error de información, corrígelo con amabilidad y con datos (fechas, cifras, un enlace) y agradece el aviso; si no, reconócelo y soluciónalo.',
        argue: '{{phrase}} discute con el cliente. Reconoce su experiencia, aporta datos objetivos y ofrece una solución.',
        sarcasm: '{{phrase}} suena irónico. Toma la queja en serio: reconócela, agradécela y explica qué vais a hacer.',
        repeat: '{{phrase}} suena a impaciencia. Responde como si fuera la primera vez: repite los datos con amabilidad y ofrece ayuda.',
        shouting: 'Las mayúsculas y las cadenas de exclamaciones ({{phrase}}) se leen como gritos. Escribe en minúsculas y con un tono tranquilo.',
        unacknowledged:
          'La respuesta contesta a una queja sin reconocerla, sin dar las gracias y sin ofrecer una solución. Parte de su experiencia, p. ej. «Gracias por contárnoslo y perdona la espera; hoy mismo lo revisamos».',
        tone: 'La respuesta suena a rebatir más que a escuchar, sobre todo en {{phrase}}. Reconoce el problema, agradece el aviso y di qué vas a hacer, p. ej. «Gracias por contárnoslo; sentimos la espera y te llamamos hoy mismo».',
      },
    },
  },
  async check(post, context) {
    const lexicon = loadLexicon('defensive-tone');
    const reply = read(post.plain.text, post.plain.code, post.lang, lexicon, context.options);
    // Replies, and public posts that answer reviews or criticism, are where defensiveness shows.
    if (post.kind !== 'reply' && reply.findOne('critics').length === 0) return;
    const allowed = reply.find('allow');
    const notAllowed = (f: Span): boolean => !allowed.some((a) => overlaps(a, f));
    const hasFacts = /\d/u.test(reply.masked) || /https?:\/\//u.test(post.plain.text);
    const good = goodSigns(reply);
    const flagged = clearSigns(reply, good, hasFacts, context.brand.names, lexicon).filter(notAllowed);
    const weak = softSigns(reply, good, flagged).filter(notAllowed);
    if (good.mitigation === 0) {
      // Answering a complaint with the business's merits ("the highest-rated clinic in town")
      // is defending, not listening; so is a reply with no thanks, apology or fix at all.
      const voice = await analyseVoice({ text: reply.masked, code: [] }, { lang: post.lang, brand: context.brand });
      weak.push(...voice.findings.filter((f) => f.weight > 1).map((m) => ({ ...m, category: 'argue' })));
    }
    // Clear signs stand even after a polite "thanks" (the "thanks, but…" reply); soft ones need
    // to add up past whatever thanks, apology or offer to fix the reply also has.
    if (flagged.length === 0 && weak.length - good.mitigation < 2) {
      // A reply with none of what a good one has (thanks, an apology, an offer to fix, or the
      // facts of a correction) is not answering the person, whatever words it avoids.
      // Point past a bare greeting ("Hi Dan.") at the first sentence that says something.
      const first = reply.sentences.find((x) => x.text.split(/\s+/u).length >= 4) ?? reply.sentences[0];
      if (post.kind === 'reply' && good.mitigation === 0 && !hasFacts && weak.length > 0 && first) {
        context.report({ messageId: 'unacknowledged', range: post.plain.range(first.start, first.end) });
        return;
      }
      // No phrase gives it away: ask the word model, which has read more replies than the lists.
      // Only about a reply: a post is checked here when it merely mentions reviews or comments
      // ("Leemos todos los comentarios"), and the model never learnt what ordinary posts are.
      const tone = context.options.model && post.kind === 'reply' && !listens(good) && worstByModel(post.plain.text, post.plain.code, reply, post.lang, allowed);
      if (tone) {
        context.report({ messageId: 'tone', range: post.plain.range(tone.start, tone.end), data: { phrase: quote(clip(tone.text), post.lang) } });
      }
      return;
    }
    // The worst kind first, then the earliest; a clear sign before any soft one.
    const byRank = (a: PhraseMatch, b: PhraseMatch): number => KINDS.indexOf(a.category as Kind) - KINDS.indexOf(b.category as Kind) || a.start - b.start;
    const worst = [...flagged].sort(byRank)[0] ?? weak.sort(byRank)[0];
    if (!worst) return;
    context.report({
      messageId: worst.category,
      range: post.plain.range(worst.start, worst.end),
      data: { phrase: quote(post.plain.text.slice(worst.start, worst.end), post.lang) },
    });
  },
});

/** A reply as the rule reads it: prose without links, mentions or code, its sentences, a phrase finder. */
interface Reply {
  readonly lang: string;
  readonly masked: string;
  readonly lower: string;
  readonly sentences: readonly Sentence[];
  /** Matches of a category (`categoryLists`), found together with all the others. */
  readonly find: (category: string) => PhraseMatch[];
  /** Matches of one category alone: the cheap first look. */
  readonly findOne: (category: string) => PhraseMatch[];
  readonly sentenceOf: (m: Span) => Sentence | undefined;
}

/** The lexicon's categories a reply is searched for, with the options' extra phrases. */
function categoryLists(lexicon: Lexicon, language: string, options: Options): Record<string, readonly string[]> {
  const of = (category: string, extra?: readonly string[]): readonly string[] => phrases(lexicon, language, category, extra);
  const lists: Record<string, readonly string[]> = {
    allow: of('allow', options.allow),
    notThanks: of('notThanks'),
    thanks: of('thanks'),
    nonApology: of('repeat'),
    acknowledge: of('acknowledge'),
    admit: of('admit'),
    fix: of('fix'),
    sarcasmWink: of('sarcasmWink'),
    weakBlame: of('weakBlame'),
    weakArgue: of('weakArgue'),
  };
  for (const kind of KINDS) if (kind !== 'shouting') lists[kind] = of(kind, options.extra[kind]);
  return lists;
}

function read(text: string, code: readonly (readonly [number, number])[], language: string, lexicon: Lexicon, options: Options): Reply {
  const masked = maskNonProse(text, code);
  const folded = fold(masked);
  // Every category in one pass over the words, once the post is known to be worth it.
  let found: Record<string, PhraseMatch[]> | undefined;
  // Most posts are not replies and stop at the first question: split sentences only when asked.
  let list: Sentence[] | undefined;
  const all = (): Sentence[] => (list ??= sentences(masked));
  return {
    lang: language,
    masked,
    get lower() {
      return masked.toLowerCase();
    },
    get sentences() {
      return all();
    },
    find: (category) => (found ??= findCategories(folded, categoryLists(lexicon, language, options)))[category] ?? [],
    findOne: (category) => findAll(folded, compilePhrases(phrases(lexicon, language, category)), category),
    sentenceOf: (m) => all().find((x) => inside(m, x)),
  };
}

/** Features of a reply the word model must know before its opinion counts. */
const MIN_KNOWN = 8;

/**
 * The sentence that sounds most defensive to the word model (`lexicons/defensive-tone.model.json`,
 * trained on the labelled replies), when the reply as a whole is over the model's threshold.
 * Allowed phrases are not read.
 */
function worstByModel(text: string, code: readonly (readonly [number, number])[], reply: Reply, lang: string, allowed: readonly Span[]): Sentence | null {
  const model = loadModel('defensive-tone');
  const skip = allowed.map((a) => [a.start, a.end] as const);
  const judged = modelJudgement(model, lang, wordFeatures(text, code, skip));
  if (!judged || judged.probability < model.threshold) return null;
  // The reply's own words must lean defensive, and be enough to judge: on a short reply in
  // words the model has not seen, the probability is only its prior, which says nothing.
  if (judged.score <= 0 || judged.known < MIN_KNOWN) return null;
  let worst: Sentence | null = null;
  let worstScore = -Infinity;
  for (const sentence of reply.sentences) {
    const score = modelScore(model, lang, wordFeatures(sentence.text)) ?? -Infinity;
    if (score > worstScore) {
      worst = sentence;
      worstScore = score;
    }
  }
  return worst;
}

/** A long sentence shortened for a message, at a word boundary. */
function clip(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/**
 * A reply that admits the fault ("that was our mistake", "tienes razón"), or that thanks,
 * apologises and offers a fix, is listening whatever its other words: the word model is
 * not asked about it (admissions and apologies are full of the negations it weighs as
 * pushing back).
 */
function listens(good: GoodSigns): boolean {
  return good.admits || good.mitigation >= 3;
}

/** What a good reply has: thanks that stands, an apology, an admission, an offer to fix. */
interface GoodSigns {
  readonly thanks: readonly PhraseMatch[];
  /** The "but" that takes a thank-you back (itself a soft sign). */
  readonly takenBack: readonly PhraseMatch[];
  readonly apologies: readonly PhraseMatch[];
  readonly admits: boolean;
  /** 1 point each for thanks, an apology and an offer to fix. */
  readonly mitigation: number;
}

function goodSigns(reply: Reply): GoodSigns {
  const { find, sentences: list, sentenceOf, lower } = reply;
  // "Thanks for your review, but…" is not gratitude: the "but" takes it back. So does a next
  // sentence that opens with one ("Thanks for your review. However, …").
  const contrastAfter = (sentence: Sentence): PhraseMatch | null => {
    const but = BUT.exec(sentence.text);
    if (but) return { start: sentence.start + but.index, end: sentence.start + but.index + but[0].length, phrase: but[0], category: 'argue' };
    const next = list[list.indexOf(sentence) + 1];
    const opener = next ? CONTRAST_OPENER.exec(foldText(next.text)) : null;
    return next && opener ? { start: next.start, end: next.start + opener[0].length, phrase: next.text.slice(0, opener[0].length), category: 'argue' } : null;
  };
  const takesBack = (m: Span): PhraseMatch | null => {
    const sentence = sentenceOf(m);
    return sentence ? contrastAfter(sentence) : null;
  };
  // "We'd appreciate it if you changed your review" asks; it does not thank.
  const requests = find('notThanks');
  const thanked = find('thanks').filter((m) => !requests.some((r) => overlaps(r, m)));
  const takenBack: PhraseMatch[] = [];
  const thanks: PhraseMatch[] = [];
  for (const m of thanked) {
    const but = takesBack(m);
    if (but) takenBack.push(but);
    else thanks.push(m);
  }
  // "Sorry you feel that way" is in `repeat`: a non-apology is no apology; and an apology
  // followed by "…, but" or "But let's be honest…" is taken back like thanks.
  const nonApologies = find('nonApology');
  const apologies = find('acknowledge').filter((m) => !negated(lower, m) && !nonApologies.some((n) => overlaps(n, m)) && !takesBack(m));
  // "It's not our fault" contains "our fault": a negated admission is a denial.
  const admits = find('admit').some((m) => !negated(lower, m));
  const fixes = find('fix').length > 0;
  return { thanks, takenBack, apologies, admits, mitigation: (thanks.length > 0 ? 1 : 0) + (apologies.length > 0 ? 1 : 0) + (fixes ? 1 : 0) };
}

/** True when `m` sits in a sentence that apologises. */
function apologetic(reply: Reply, good: GoodSigns, m: Span): boolean {
  const s = reply.sentenceOf(m);
  return s !== undefined && good.apologies.some((a) => inside(a, s));
}

/** Signs that make a reply defensive on their own: the lexicon's kinds, blame patterns, sarcasm, shouting. */
function clearSigns(reply: Reply, good: GoodSigns, hasFacts: boolean, brandNames: readonly string[], lexicon: Lexicon): PhraseMatch[] {
  const { find, masked, lang: language } = reply;
  const acknowledges = good.thanks.length > 0 || good.apologies.length > 0;
  const found: PhraseMatch[] = [];
  for (const kind of KINDS) {
    if (kind === 'shouting') continue;
    // A reply that admits the mistake, or corrects it with figures while thanking or
    // apologising, is informing, not denying, whatever negatives it contains.
    if (kind === 'denial' && ((acknowledges && hasFacts) || good.admits)) continue;
    found.push(...find(kind));
  }
  // "You didn't…" / "no practicaste": pinning it on the customer, unless said with regret.
  for (const m of masked.matchAll(BLAME_PATTERNS[language] ?? NEVER)) {
    const hit = { start: m.index, end: m.index + m[0].length, category: 'blame', phrase: m[0] };
    if (!apologetic(reply, good, hit)) found.push(hit);
  }
  for (const s of reply.sentences) {
    const m = SARCASTIC_OPENER.exec(foldText(s.text));
    if (m) found.push({ start: s.start, end: s.start + m[0].length, category: 'sarcasm', phrase: m[0] });
  }
  if (!acknowledges) found.push(...find('sarcasmWink').map((m) => ({ ...m, category: 'sarcasm' })));

  const acronyms = foldedSet(phrases(lexicon, language, 'acronyms'));
  const brands = foldedSet(brandNames);
  const common = foldedSet(phrases(lexicon, language, 'commonCaps'));
  // Short capitalised words are usually acronyms (VAT, UTR, IRPF) unless they are everyday words.
  const shouted = (word: string): boolean => {
    const w = foldText(word);
    return !acronyms.has(w) && !brands.has(w) && (w.length >= 5 || common.has(w));
  };
  const caps = [...masked.matchAll(CAPS_WORD)].filter((m) => shouted(m[0]));
  const first = caps[0];
  if (caps.length >= 2 && first) {
    // Report the whole run of capitals that starts there ("DID NOT"), not just one word.
    const run = /^\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}(?![\p{Ll}]))*/u.exec(masked.slice(first.index))?.[0] ?? first[0];
    found.push({ start: first.index, end: first.index + run.length, category: 'shouting', phrase: run });
  } else if (caps.length < 2 && !acknowledges) {
    for (const m of masked.matchAll(BANG_CHAIN)) found.push({ start: m.index, end: m.index + m[0].length, category: 'shouting', phrase: m[0] });
  }
  return found;
}

/** Signs that count only when they add up past the reply's mitigation. */
function softSigns(reply: Reply, good: GoodSigns, flagged: readonly Span[]): PhraseMatch[] {
  const { find, masked, lang: language } = reply;
  const unflagged = (f: Span): boolean => !flagged.some((g) => overlaps(g, f));
  const weak = [...find('weakBlame').map((m) => ({ ...m, category: 'blame' })), ...find('weakArgue').map((m) => ({ ...m, category: 'argue' }))].filter(unflagged);
  weak.push(...good.takenBack);
  // General ones: the customer's own choices, and their words thrown back in quotes, outside
  // any sentence that thanks or apologises.
  const outsideThanks = (m: Span): boolean => {
    const s = reply.sentenceOf(m);
    return s === undefined || (!apologetic(reply, good, m) && !good.thanks.some((t) => inside(t, s)));
  };
  for (const m of masked.matchAll(CUSTOMER_DID[language] ?? NEVER)) {
    const hit = { start: m.index, end: m.index + m[0].length, category: 'blame', phrase: m[0] };
    if (!NOT_PRETERITE.has(foldText(m[0].split(' ').pop() ?? '')) && outsideThanks(hit) && unflagged(hit)) weak.push(hit);
  }
  for (const m of masked.matchAll(SCARE_QUOTE)) {
    const quoted = (m[1] ?? '').trim();
    // A capitalised name in quotes ("Patient resources" tab) is a label, not their words.
    if (/^\p{Lu}/u.test(quoted) || quoted.split(/\s+/u).length > 4) continue;
    const hit = { start: m.index, end: m.index + m[0].length, category: 'sarcasm', phrase: m[0] };
    if (outsideThanks(hit)) weak.push(hit);
  }
  return weak;
}
