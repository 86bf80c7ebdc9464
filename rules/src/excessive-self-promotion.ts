import { defineRule, type Post, type RuleContext } from '@postlint/core';
import { loadLexicon, phrases } from './lib/lexicon.js';
import { compilePhrases, dedupe, findAll, fold, maskNonProse, quote, sentences, type PhraseMatch, type Span } from './lib/text.js';

export type Options = {
  /** Self-references (pitches count double) needed before the rule looks at the balance. */
  minSelf: number;
  /** Warn when self-references are more than `ratio` times the reader-references. */
  ratio: number;
  extraSelf: string[];
  extraSales: string[];
  extraSuperlatives: string[];
  extraReader: string[];
  /** Phrases never counted (e.g. a product name that contains "our"). */
  allow: string[];
};

const list = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** Spanish imperative with a clitic pronoun ("cuéntanos", "apúntate"): the accent gives it away. */
const IMPERATIVE_CLITIC = /(?<![\p{L}])(?=\p{L}*[áéíóú])\p{L}{3,}(?:nos|te|me)(?![\p{L}])/gu;
/** Spanish first-person-plural verb ending ("ofrecemos", "somos", "hemos"): Spanish drops "nosotros". */
const WE_VERB = /(?<![\p{L}])\p{L}{2,}mos(?![\p{L}])/gu;

interface Finding extends PhraseMatch {
  readonly weight: number;
}

interface Analysis {
  readonly self: Finding[];
  readonly reader: Span[];
  readonly questions: number;
}

function regexMatches(text: string, re: RegExp, category: string, keep: (word: string) => boolean): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const m of text.matchAll(re)) {
    if (keep(m[0])) out.push({ start: m.index, end: m.index + m[0].length, category, phrase: m[0] });
  }
  return out;
}

function analyse(post: Post, context: RuleContext<Options>): Analysis {
  const lexicon = loadLexicon('excessive-self-promotion');
  const { lang } = post;
  const o = context.options;
  const view = post.plain;
  const masked = maskNonProse(view.text, view.code);
  const folded = fold(masked);
  const allowed = findAll(folded, compilePhrases(o.allow), 'allow');
  const outside = (m: Span): boolean => !allowed.some((a) => m.start < a.end && a.start < m.end);

  let reader: PhraseMatch[] = findAll(folded, compilePhrases(phrases(lexicon, lang, 'reader', o.extraReader)), 'reader');
  if (lang === 'es') {
    // On the unfolded text: the accent is what marks the imperative.
    reader.push(...regexMatches(masked.toLowerCase(), IMPERATIVE_CLITIC, 'reader', (w) => !w.endsWith('mente') && w !== 'términos'));
  }
  reader = dedupe(reader).filter(outside);

  const notSelf = new Set(phrases(lexicon, lang, 'notSelf').map((w) => fold(w).text));
  const self: PhraseMatch[] = findAll(folded, compilePhrases(phrases(lexicon, lang, 'self', o.extraSelf)), 'self');
  if (lang === 'es') self.push(...regexMatches(folded.text, WE_VERB, 'self', () => true));
  // Brand names and handles from config are the business talking about itself.
  const brand = compilePhrases([...context.brand.names, ...context.brand.handles.map((h) => h.replace(/^@/u, ''))]);
  self.push(...findAll(fold(view.text.replace(/(?<![\p{L}\p{N}_])@/gu, ' ')), brand, 'brand'));
  const sales = findAll(folded, compilePhrases(phrases(lexicon, lang, 'sales', o.extraSales)), 'sales');
  const superlatives = findAll(folded, compilePhrases(phrases(lexicon, lang, 'superlatives', o.extraSuperlatives)), 'superlatives');

  const inReader = (m: Span): boolean => reader.some((r) => m.start < r.end && r.start < m.end);
  const selfFound = dedupe(self).filter((m) => outside(m) && !inReader(m) && !notSelf.has(m.phrase));
  // A superlative is self-praise only in a sentence that is about the business.
  const parts = sentences(masked);
  const aboutUs = (m: Span): boolean => {
    const s = parts.find((p) => m.start >= p.start && m.start < p.end);
    return s !== undefined && selfFound.some((x) => x.start >= s.start && x.end <= s.end);
  };
  const pitches = dedupe([...sales, ...superlatives.filter(aboutUs)]).filter((m) => outside(m) && !inReader(m));
  const findings: Finding[] = [
    ...selfFound.filter((m) => !pitches.some((p) => m.start < p.end && p.start < m.end)).map((m) => ({ ...m, weight: 1 })),
    ...pitches.map((m) => ({ ...m, weight: 2 })),
  ].sort((a, b) => a.start - b.start);
  const questions = parts.filter((s) => s.text.endsWith('?') || s.text.startsWith('¿')).length;
  return { self: findings, reader, questions };
}

/** "once", "3 times" / "una vez", "3 veces": counts read naturally in messages. */
function times(n: number, lang: string): string {
  if (lang === 'es') return n === 0 ? 'ninguna vez' : n === 1 ? 'una vez' : `${n} veces`;
  return n === 0 ? 'not once' : n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export default defineRule<Options>({
  meta: {
    id: 'excessive-self-promotion',
    description: {
      en: 'The post talks about the business much more than to the reader.',
      es: 'La publicación habla de la empresa mucho más que de quien la lee.',
    },
    recommended: 'warn',
    languages: ['en', 'es'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minSelf: { type: 'integer', minimum: 1, description: 'Weighted self-references (sales and self-praise count double) a post needs before the rule looks at the balance.' },
        ratio: { type: 'number', exclusiveMinimum: 0, description: 'Warn when the weighted self-references are more than this many times the references to the reader (you, questions).' },
        extraSelf: { ...list, description: 'More words or phrases that mean the business itself (product lines, slogans).' },
        extraSales: { ...list, description: 'More sales phrases (count double).' },
        extraSuperlatives: { ...list, description: 'More self-praise (counts double in a sentence about the business).' },
        extraReader: { ...list, description: 'More words or phrases that speak to the reader.' },
        allow: { ...list, description: 'Phrases never counted, e.g. a product name that contains "our".' },
      },
    },
    defaultOptions: { minSelf: 4, ratio: 2, extraSelf: [], extraSales: [], extraSuperlatives: [], extraReader: [], allow: [] },
    messages: {
      en: {
        selfCentered:
          'This post talks about the business {{self}} ({{examples}}) and to the reader {{reader}}. Give the reader something: a tip, what they get out of it, or a question such as “Which one would you try first?”',
      },
      es: {
        selfCentered:
          'La publicación habla de la empresa {{self}} ({{examples}}) y se dirige a quien la lee {{reader}}. Ofrécele algo: un consejo, lo que gana o una pregunta como «¿Cuál probarías primero?»',
      },
    },
  },
  check(post, context) {
    const { self, reader, questions } = analyse(post, context);
    const selfScore = self.reduce((sum, f) => sum + f.weight, 0);
    const readerScore = reader.length + questions;
    const { minSelf, ratio } = context.options;
    if (selfScore < minSelf || selfScore <= ratio * readerScore) return;
    // Replies say "we" to take responsibility ("we're sorry, we'll fix it"); only a sales
    // pitch or self-praise makes a reply self-promotional.
    if (post.kind === 'reply' && !self.some((f) => f.weight > 1)) return;
    // Point at the strongest claim: a pitch if there is one, else the first self-reference.
    const worst = self.find((f) => f.weight > 1) ?? self[0];
    if (!worst) return;
    const text = post.plain.text;
    const seen = new Map<string, string>();
    for (const f of self) {
      const phrase = text.slice(f.start, f.end);
      if (!seen.has(phrase.toLowerCase())) seen.set(phrase.toLowerCase(), phrase);
    }
    const examples = [...seen.values()]
      .slice(0, 3)
      .map((e) => quote(e, post.lang))
      .join(', ');
    context.report({
      messageId: 'selfCentered',
      range: post.plain.range(worst.start, worst.end),
      data: { self: times(self.length, post.lang), reader: times(readerScore, post.lang), examples },
    });
  },
});
