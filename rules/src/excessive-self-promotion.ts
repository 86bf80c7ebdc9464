import { defineRule } from '@postlint/core';
import { loadModel, modelProbability, wordFeatures } from './lib/model.js';
import { quote } from './lib/text.js';
import { analyseVoice, type Voice } from './lib/voice.js';

/** How many more self-references a post with no sales phrase or self-praise needs. */
const NO_PITCH_EXTRA = 3;

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
  /** Ask the NLP tagger about verb person on close calls. */
  nlp: boolean;
  /** With at most one pitch, report only when the word model agrees the post reads as promotion. */
  model: boolean;
};

const list = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

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
        minSelf: { type: 'integer', minimum: 1, description: 'Weighted self-references (sales and self-praise count double) a post needs before the rule looks at the balance; three more when it has no sales phrase or self-praise at all.' },
        ratio: { type: 'number', exclusiveMinimum: 0, description: 'Warn when the weighted self-references are more than this many times the references to the reader (you, questions).' },
        extraSelf: { ...list, description: 'More words or phrases that mean the business itself (product lines, slogans).' },
        extraSales: { ...list, description: 'More sales phrases (count double).' },
        extraSuperlatives: { ...list, description: 'More self-praise (counts double in a sentence about the business).' },
        extraReader: { ...list, description: 'More words or phrases that speak to the reader.' },
        allow: { ...list, description: 'Phrases never counted, e.g. a product name that contains "our".' },
        nlp: {
          type: 'boolean',
          description: 'On close calls, ask the NLP tagger (compromise, es-compromise) about verb person: 2nd-person verbs speak to the reader, subjunctive "celebremos" is not self. Slower; loaded only for the languages met.',
        },
        model: {
          type: 'boolean',
          description: 'For a post with at most one sales phrase or boast, report only when the word model trained on the labelled corpus (rules/lexicons/excessive-self-promotion.model.json) also reads it as promotion. false: the word counts alone decide.',
        },
      },
    },
    defaultOptions: { minSelf: 4, ratio: 2, extraSelf: [], extraSales: [], extraSuperlatives: [], extraReader: [], allow: [], nlp: false, model: true },
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
  async check(post, context) {
    const o = context.options;
    // Without a single sales phrase or boast, plain "we" talk (an announcement, a team day,
    // how the bread is made, a public apology) needs to go on much longer before it reads as
    // promotion: such posts were most of the false alarms on writers the rule had not seen.
    const flagged = (v: Voice): boolean => {
      const pitch = v.findings.some((f) => f.weight > 1);
      return v.selfScore >= o.minSelf + (pitch ? 0 : NO_PITCH_EXTRA) && v.selfScore > o.ratio * v.readerScore;
    };
    const options = {
      lang: post.lang,
      brand: context.brand,
      extras: { self: o.extraSelf, sales: o.extraSales, superlatives: o.extraSuperlatives, reader: o.extraReader, allow: o.allow },
    };
    let voice = await analyseVoice(post.plain, options);
    // Close calls are where verb person matters ("¿probaste…?" speaks to the reader). The
    // tagger is opt-in: on the labelled corpus it changed no decision (docs/quality.md) while
    // costing a third of the run time and ~100 MB for Spanish.
    const margin = voice.selfScore - o.ratio * voice.readerScore;
    if (o.nlp && voice.selfScore >= o.minSelf - 1 && Math.abs(margin) <= 2) voice = await analyseVoice(post.plain, { ...options, nlp: true });
    if (!flagged(voice)) return;
    const self = voice.findings;
    // Replies, and statements answering critics, say "we" to take responsibility or to
    // explain ("we're sorry", "we close at 00:30"); only a pitch or self-praise makes them
    // self-promotional.
    if ((post.kind === 'reply' || voice.answersCritics) && !self.some((f) => f.weight > 1)) return;
    // Counting "we" cannot tell a team day or a founder's story from an advert; the word
    // model, trained on posts labelled by hand, overrules the counts when the wording is not
    // a pitch. Not with two sales phrases or boasts: that is an advert, even in a style the
    // model never saw (hashtag walls, capitals).
    if (o.model && self.filter((f) => f.weight > 1).length <= 1) {
      const model = loadModel('excessive-self-promotion');
      const allowed = voice.allowed.map((a) => [a.start, a.end] as const);
      const probability = modelProbability(model, post.lang, wordFeatures(post.plain.text, post.plain.code, allowed));
      if (probability !== null && probability < model.threshold) return;
    }
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
      data: { self: times(self.length, post.lang), reader: times(voice.readerScore, post.lang), examples },
    });
  },
});
