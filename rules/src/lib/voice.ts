/**
 * Who a post talks about, sentence by sentence: the business ("we", "nuestro", "ofrecemos",
 * the brand, sales phrases, self-praise) or the reader ("you", "tú", "cuéntanos", questions).
 * Shared by excessive-self-promotion and no-question-asked, which both need to tell a
 * genuine question from a rhetorical one answered by a sales pitch.
 */
import type { Brand, TextView } from '@postlint/core';
import { loadLexicon, phrases } from './lexicon.js';
import { nlpTerms } from './nlp.js';
import { Recent, bySentence, compilePhrases, dedupe, findAll, findCategories, fold, foldedSet, maskNonProse, maskUrls, originOf, overlaps, sentences, type Folded, type PhraseMatch, type PhraseMatcher, type Span } from './text.js';

export interface VoiceExtras {
  readonly self?: readonly string[];
  readonly sales?: readonly string[];
  readonly superlatives?: readonly string[];
  readonly reader?: readonly string[];
  readonly allow?: readonly string[];
}

export interface Finding extends PhraseMatch {
  /** Sales and self-praise weigh 2, plain self-references 1. */
  readonly weight: number;
}

export interface VoiceSentence extends Span {
  readonly text: string;
  readonly self: readonly Finding[];
  readonly reader: readonly Span[];
  readonly question: boolean;
  /** A question answered at once by a pitch ("Tired of waiting? We fix it in an hour."). */
  readonly rhetorical: boolean;
  /** Contains a sales phrase: "your" in "Book now and get your first lesson free" is not conversation. */
  readonly selling: boolean;
}

export interface Voice {
  readonly sentences: readonly VoiceSentence[];
  /** Weighted references to the business. */
  readonly selfScore: number;
  /** References to the reader outside pitches and rhetorical questions, plus genuine questions. */
  readonly readerScore: number;
  readonly findings: readonly Finding[];
  /** The options' allowed phrases found in the post (never counted). */
  readonly allowed: readonly Span[];
  /** The post answers reviews or criticism (a public statement), like a reply would. */
  readonly answersCritics: boolean;
}

/** Spanish imperative with a clitic pronoun ("cuéntanos", "apúntate"): the accent gives it away. */
const IMPERATIVE_CLITIC = /(?<![\p{L}])(?=\p{L}*[áéíóú])\p{L}{3,}(?:nos|te|me)(?![\p{L}])/gu;
const HASHTAGS_ONLY = /^(?:#[\p{L}\p{N}_]+[\s.,;]*)+$/u;
/** An offer in a sentence: a price or a phone number. */
const OFFER = /[$€£]\s?\d|\d(?:[.,]\d+)?\s?(?:€|\$|£|euros?\b|pesos\b|soles\b)|\d{3}[\s.-]\d{3}[\s.-]?\d{3,4}|\(\d{3}\)\s?\d{3}/iu;
/** Questions that ask for a choice, an opinion or an experience: real questions even when an offer follows. */
const CHOOSING: Readonly<Record<string, RegExp>> = {
  en: /\b(?:what|which|who|whose|how|why|where|when|would you rather)\b|^\W*(?:any|anyone|anybody)\b|\bor\b/iu,
  // Accented, these words ask anywhere in the sentence ("Si pudieras cambiar algo, ¿cuál sería?").
  es: /(?<![\p{L}])(?:qué|cuál(?:es)?|quién(?:es)?|cómo|dónde|cuándo|cuánt[oa]s?)(?![\p{L}])|^\W*(?:que|cual(?:es)?|quien(?:es)?|como|donde|cuando|cuant[oa]s?|por qu[eé]|alguien|alg[uú]n[oa]?)(?![\p{L}])|(?<![\p{L}])[ou](?![\p{L}])/iu,
};

/** Spanish first-person-plural verb ending ("ofrecemos", "somos", "hemos"): Spanish drops "nosotros". */
const WE_VERB = /(?<![\p{L}])\p{L}{2,}mos(?![\p{L}])/gu;

function regexMatches(text: string, re: RegExp, category: string, keep: (word: string) => boolean = () => true): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const m of text.matchAll(re)) {
    if (keep(m[0])) out.push({ start: m.index, end: m.index + m[0].length, category, phrase: m[0] });
  }
  return out;
}

const brandMatchers = new WeakMap<Brand, PhraseMatcher | null>();
/** Brand names and handles (without "@") as one matcher per config. */
function brandMatcher(brand: Brand): PhraseMatcher | null {
  let matcher = brandMatchers.get(brand);
  if (matcher === undefined) {
    matcher = compilePhrases([...brand.names, ...brand.handles.map((h) => h.replace(/^@/u, ''))]);
    brandMatchers.set(brand, matcher);
  }
  return matcher;
}

export interface VoiceOptions {
  readonly lang: string;
  readonly brand: Brand;
  readonly extras?: VoiceExtras;
  /** Ask the NLP tagger for verb person in Spanish (2nd person = reader), imperatives in English. */
  readonly nlp?: boolean;
}

const EXTRA_KEYS = ['self', 'sales', 'superlatives', 'reader', 'allow'] as const;
const voiceCache = new WeakMap<Brand, Recent<string, Promise<Voice>>>();

/**
 * Finds self- and reader-references in a post's plain text. Async only when `nlp` is set.
 * Several rules ask about the same post: the last few answers are remembered.
 */
export function analyseVoice(view: Pick<TextView, 'text' | 'code'>, options: VoiceOptions): Promise<Voice> {
  const extras = options.extras ?? {};
  const key = [options.lang, options.nlp === true, ...EXTRA_KEYS.map((k) => (extras[k] ?? []).join('\u0001')), view.code.join(';'), view.text].join('\u0000');
  let cache = voiceCache.get(options.brand);
  if (!cache) {
    cache = new Recent(4);
    voiceCache.set(options.brand, cache);
  }
  return cache.get(key, () => analyse(view, options));
}

async function analyse(view: Pick<TextView, 'text' | 'code'>, options: VoiceOptions): Promise<Voice> {
  const { lang, brand, extras = {} } = options;
  const lexicon = loadLexicon('excessive-self-promotion');
  const masked = maskNonProse(view.text, view.code);
  const folded: Folded = fold(masked);
  // Every category in one pass over the post's words.
  const of = (category: string, extra?: readonly string[]): readonly string[] => phrases(lexicon, lang, category, extra);
  const byCategory = findCategories(folded, {
    allow: of('allow', extras.allow),
    community: of('community'),
    apology: of('apology'),
    jobs: of('jobs'),
    tips: of('tips'),
    hooks: of('hooks'),
    reader: of('reader', extras.reader),
    self: of('self', extras.self),
    sales: of('sales', extras.sales),
    superlatives: of('superlatives', extras.superlatives),
    statement: of('statement'),
  });
  const find = (category: string): PhraseMatch[] => byCategory[category] ?? [];

  const allowed = find('allow');
  const community = find('community');
  const apology = find('apology');
  const jobs = find('jobs');
  const tips = find('tips');
  const hooks = find('hooks');
  const notSelf = foldedSet(phrases(lexicon, lang, 'notSelf'));

  const reader: PhraseMatch[] = find('reader');
  if (lang === 'es') {
    // On the unfolded text: the accent is what marks the imperative.
    reader.push(...regexMatches(masked.toLowerCase(), IMPERATIVE_CLITIC, 'reader', (w) => !w.endsWith('mente') && w !== 'términos'));
  }
  const self: PhraseMatch[] = find('self');
  if (options.nlp === true) {
    // The tagger knows verb person where endings are ambiguous ("tienes", "probaste" vs
    // "mesas"; "ofrecemos" vs "ramos"), and that "celebremos" (subjunctive) means "let's".
    for (const t of await nlpTerms(masked, lang)) {
      const span = { start: t.start, end: t.end, phrase: t.text };
      if (t.tags.has('SecondPerson') || t.tags.has('Imperative')) reader.push({ ...span, category: 'reader' });
      else if (t.tags.has('FirstPersonPlural') && t.tags.has('Verb') && !t.tags.has('Subjunctive')) self.push({ ...span, category: 'self' });
    }
  } else if (lang === 'es') {
    // Superlatives ("riquísimos") and nouns in -ismos ("organismos") are not "we" verbs.
    // Matched on the folded text: map the spans back (folding drops marks such as the
    // variation selector of "❤️", so offsets can shift).
    const verbs = regexMatches(folded.text, WE_VERB, 'self', (w) => !/(?:ismos|isimos)$/u.test(w));
    self.push(...verbs.map((m) => ({ ...m, start: originOf(folded, m.start), end: originOf(folded, m.end) })));
  }
  // Brand names and handles from config are the business talking about itself.
  const brandRe = brandMatcher(brand);
  self.push(...findAll(fold(maskUrls(view.text).replace(/(?<![\p{L}\p{N}_])@/gu, ' ')), brandRe, 'brand'));

  const readerFound = dedupe(reader).filter((m) => !allowed.some((a) => overlaps(a, m)));
  const sales = find('sales');
  const superlatives = find('superlatives');

  const list = sentences(masked);
  // Each list split by sentence once (sentences are in order, and do not overlap).
  const [selfIn, readerIn, salesIn, superlativesIn, tipsIn, communityIn, apologyIn, jobsIn] = [self, readerFound, sales, superlatives, tips, community, apology, jobs].map((l) => bySentence(l, list));
  const none: readonly PhraseMatch[] = [];
  const perSentence = list.map((s, i) => {
    const isCommunity = (communityIn?.[i] ?? none).length > 0;
    const isApology = (apologyIn?.[i] ?? none).length > 0 || (jobsIn?.[i] ?? none).length > 0;
    // "We" for the community, or "our mistake" in an apology, is not self-promotion.
    const selfHere =
      isCommunity || isApology
        ? []
        : dedupe(selfIn?.[i] ?? none).filter((m) => !notSelf.has(m.phrase) && !allowed.some((a) => overlaps(a, m)) && !readerFound.some((r) => overlaps(r, m)));
    const readerHere = readerIn?.[i] ?? [];
    const salesHere = salesIn?.[i] ?? [];
    // Self-praise counts where the sentence is about the business, or is a bare claim
    // ("Fastest MOTs in Bristol."); not in a tip ("the best time to prune is March").
    const praiseCounts = selfHere.length > 0 || (readerHere.length === 0 && (tipsIn?.[i] ?? none).length === 0);
    const pitches = dedupe([...salesHere, ...(praiseCounts ? (superlativesIn?.[i] ?? none) : none)]).filter(
      (m) => !allowed.some((a) => overlaps(a, m)) && !readerFound.some((r) => overlaps(r, m)),
    );
    // Objects written out, not spread: spreading a match or sentence into a new literal was
    // a tenth of this function's time in a profile.
    const weigh = (m: PhraseMatch, weight: number): Finding => ({ start: m.start, end: m.end, category: m.category, phrase: m.phrase, weight });
    const findings: Finding[] = selfHere.filter((m) => !pitches.some((p) => overlaps(p, m))).map((m) => weigh(m, 1));
    for (const m of pitches) findings.push(weigh(m, 2));
    findings.sort((a, b) => a.start - b.start);
    const question = s.text.endsWith('?') || s.text.startsWith('¿') || /\?["'”’»)\]]*$/u.test(s.text);
    return { start: s.start, end: s.end, text: s.text, self: findings, reader: readerHere, question, selling: salesHere.length > 0 };
  });

  // The questions the post opens with ("Burst pipe at 2am? Boiler dead on Christmas Eve?").
  let opening = 0;
  while (perSentence[opening]?.question === true) opening++;
  const result: VoiceSentence[] = perSentence.map((s, i) => {
    // A hook ("Tired of…?", "¿Buscas…?", or any question that opens the post) answered
    // within the next two statements by a claim about the business.
    const hooked = hooks.some((h) => h.start >= s.start && h.start <= s.start + 12);
    const answers: (typeof s)[] = [];
    for (let k = i + 1; k < perSentence.length && answers.length < 2; k++) {
      const next = perSentence[k];
      // A line of hashtags answers nothing.
      if (next && !next.question && !HASHTAGS_ONLY.test(next.text)) answers.push(next);
    }
    // An opening question answered by a few words ("Sorted.", "Para eso estamos.") is a hook too.
    const quickAnswer = i === 0 && answers[0] !== undefined && answers[0] === perSentence[i + 1] && answers[0].text.split(/\s+/u).length <= 4;
    // A yes/no question about the reader's situation that opens the post ("Late for drop-off
    // again?", "¿Tu perro se rasca más…?"), followed by an offer (a price, a sales phrase, a
    // number to call): the post answers it. Questions that ask for a choice or an opinion
    // (what, which, ¿cuál…?, "A or B?") are left to be real questions.
    const yesNoOpener = i < opening && CHOOSING[lang]?.test(s.text) !== true;
    const situation = yesNoOpener && answers.some((x) => x.selling || OFFER.test(x.text));
    const pitched = hooked
      ? answers.some((x) => x.self.length > 0)
      : quickAnswer ||
        situation ||
        ((i === 0 || yesNoOpener) && answers.some((x) => x.reader.length === 0 && (x.self.some((f) => f.weight > 1) || x.self.length >= 2)));
    const rhetorical = s.question && pitched;
    return { start: s.start, end: s.end, text: s.text, self: s.self, reader: s.reader, question: s.question, rhetorical, selling: s.selling };
  });
  const findings = result.flatMap((s) => s.self);
  const selfScore = findings.reduce((sum, f) => sum + f.weight, 0);
  const readerScore = result.reduce(
    (sum, s) => sum + (s.rhetorical || s.selling ? 0 : s.reader.length + (s.question ? 1 : 0)),
    0,
  );
  return { sentences: result, selfScore, readerScore, findings, allowed, answersCritics: find('statement').length > 0 };
}
