import { defineRule } from '@postlint/core';
import { loadLexicon, phrases } from './lib/lexicon.js';
import { compilePhrases, findAll, fold, maskNonProse, quote, type PhraseMatch } from './lib/text.js';

export type Options = {
  /** More phrases per kind: blame, denial, repeat, sarcasm, argue. */
  extra: Partial<Record<Kind, string[]>>;
  /** Phrases never flagged (house style the team has agreed on). */
  allow: string[];
};

/** Kinds of defensiveness, worst first: the worst one found is the one reported. */
const KINDS = ['blame', 'denial', 'argue', 'sarcasm', 'repeat', 'shouting'] as const;
type Kind = (typeof KINDS)[number];

/** Words of 3+ letters in capitals ("NEVER", "NUNCA"): shouting unless an acronym or a brand. */
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/gu;
const BANG_CHAIN = /[!¡]{3,}|[?¿][!¡]|[!¡][?¿]/gu;

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
    appliesTo: ['reply'],
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
      },
    },
    defaultOptions: { extra: {}, allow: [] },
    messages: {
      en: {
        blame: '{{phrase}} puts the blame on the customer. Acknowledge what went wrong, thank them and offer a fix, e.g. “Thanks for telling us; we’ll sort out your order today.”',
        denial: '{{phrase}} flatly denies the complaint. If they are mistaken, correct it kindly with facts (dates, figures, a link) and thank them; if not, admit it and fix it.',
        argue: '{{phrase}} argues with the customer. Acknowledge their experience, give objective facts and offer to fix it.',
        sarcasm: '{{phrase}} reads as sarcasm. Take the complaint at face value: acknowledge it, thank them and say what you will do.',
        repeat: '{{phrase}} sounds impatient. Answer as if it were the first time: give the facts again, kindly, and offer help.',
        shouting: 'Capitals and strings of exclamation marks ({{phrase}}) read as shouting. Write in sentence case and keep the tone calm.',
      },
      es: {
        blame: '{{phrase}} echa la culpa al cliente. Reconoce lo que falló, dale las gracias y ofrece una solución, p. ej. «Gracias por avisarnos; hoy mismo revisamos tu pedido».',
        denial: '{{phrase}} niega la queja sin más. Si hay un error de información, corrígelo con amabilidad y con datos (fechas, cifras, un enlace) y agradece el aviso; si no, reconócelo y soluciónalo.',
        argue: '{{phrase}} discute con el cliente. Reconoce su experiencia, aporta datos objetivos y ofrece una solución.',
        sarcasm: '{{phrase}} suena irónico. Toma la queja en serio: reconócela, agradécela y explica qué vais a hacer.',
        repeat: '{{phrase}} suena a impaciencia. Responde como si fuera la primera vez: repite los datos con amabilidad y ofrece ayuda.',
        shouting: 'Las mayúsculas y las cadenas de exclamaciones ({{phrase}}) se leen como gritos. Escribe en minúsculas y con un tono tranquilo.',
      },
    },
  },
  check(post, context) {
    const lexicon = loadLexicon('defensive-tone');
    const { lang } = post;
    const view = post.plain;
    const masked = maskNonProse(view.text, view.code);
    const folded = fold(masked);
    const find = (category: string, extra: readonly string[] = []): PhraseMatch[] =>
      findAll(folded, compilePhrases(phrases(lexicon, lang, category, extra)), category);
    const allowed = find('allow', context.options.allow);
    const good = (category: string): boolean => find(category).length > 0;
    const thanks = good('thanks');
    const acknowledges = good('acknowledge') || thanks;
    // A correction that thanks or apologises and brings figures is informing, not denying.
    const hasFacts = /\d/u.test(masked) || /https?:\/\//u.test(view.text);

    const found: PhraseMatch[] = [];
    for (const kind of KINDS) {
      if (kind === 'shouting') continue;
      if (kind === 'denial' && acknowledges && hasFacts) continue;
      found.push(...find(kind, context.options.extra[kind]));
    }
    const ignore = new Set([...phrases(lexicon, lang, 'acronyms'), ...context.brand.names].map((w) => fold(w).text));
    const caps = [...masked.matchAll(CAPS_WORD)].filter((m) => !ignore.has(fold(m[0]).text));
    if (caps.length >= 2) {
      const first = caps[0];
      if (first) {
        // Report the whole run of capitals that starts there ("DID NOT"), not just one word.
        const run = /^\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}(?![\p{Ll}]))*/u.exec(masked.slice(first.index))?.[0] ?? first[0];
        found.push({ start: first.index, end: first.index + run.length, category: 'shouting', phrase: run });
      }
    } else if (!acknowledges) {
      for (const m of masked.matchAll(BANG_CHAIN)) found.push({ start: m.index, end: m.index + m[0].length, category: 'shouting', phrase: m[0] });
    }
    const flagged = found.filter((f) => !allowed.some((a) => f.start < a.end && a.start < f.end));
    const worst = KINDS.map((k) => flagged.find((f) => f.category === k)).find((f) => f !== undefined);
    if (!worst) return;
    context.report({
      messageId: worst.category,
      range: view.range(worst.start, worst.end),
      data: { phrase: quote(view.text.slice(worst.start, worst.end), lang) },
    });
  },
});
