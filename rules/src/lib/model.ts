/**
 * A linear model over a post's words and word pairs (logistic regression). The weights are
 * learned from the labelled corpus by `scripts/train-models.mjs` and stored as data beside
 * the lexicons, so they can be retrained when the corpus grows; a rule uses one as a second
 * opinion where its phrase lists find nothing.
 */
import { lexiconFiles } from './lexicon.js';
import { blank, foldText, maskNonProse } from './text.js';

export interface WordModel {
  /** Probability from which the rule reports. */
  readonly threshold: number;
  /** Per language: the intercept and one weight per feature (word, or two words in a row). */
  readonly languages: Readonly<Record<string, { readonly bias: number; readonly weights: Readonly<Record<string, number>> }>>;
}

const WORD = /[\p{L}\p{N}_']+|[!?"«»“”]/gu;

/**
 * The features of a text: its words (folded: no case, no accents but ñ), pairs of
 * neighbouring words, and the punctuation that carries tone (! ? quotes). Links, e-mail
 * addresses, @handles, code and the `skip` ranges (allowed phrases) are not words.
 */
export function wordFeatures(text: string, code: readonly (readonly [number, number])[] = [], skip: readonly (readonly [number, number])[] = []): string[] {
  const prose = blank(maskNonProse(text, code), skip).replace(/[‘’]/gu, "'");
  const words = foldText(prose).match(WORD) ?? [];
  const features = new Set(words);
  for (let i = 1; i < words.length; i++) features.add(`${words[i - 1] ?? ''} ${words[i] ?? ''}`);
  return [...features];
}

const lookups = new WeakMap<WordModel, Map<string, ReadonlyMap<string, number>>>();

/** The weights of one language as a Map: one hash lookup per feature, and no prototype keys. */
function weightsOf(model: WordModel, lang: string): ReadonlyMap<string, number> | undefined {
  let byLang = lookups.get(model);
  if (!byLang) lookups.set(model, (byLang = new Map<string, ReadonlyMap<string, number>>()));
  let weights = byLang.get(lang);
  const entry = model.languages[lang];
  if (!weights && entry) byLang.set(lang, (weights = new Map(Object.entries(entry.weights))));
  return weights;
}

/** What the model makes of a text: its probability, the features' score, and how many it knows. */
export interface Judgement {
  readonly probability: number;
  /** Log-odds from the features alone, before the intercept. */
  readonly score: number;
  /** Features the model has a weight for: how much of the text it can judge. */
  readonly known: number;
}

/** The model's judgement of a set of features, in one pass; null for a language it was not trained on. */
export function modelJudgement(model: WordModel, lang: string, features: readonly string[]): Judgement | null {
  const weights = weightsOf(model, lang);
  const bias = model.languages[lang]?.bias;
  if (!weights || bias === undefined) return null;
  let score = 0;
  let known = 0;
  for (const feature of features) {
    const weight = weights.get(feature);
    if (weight === undefined) continue;
    score += weight;
    known++;
  }
  return { probability: 1 / (1 + Math.exp(-(score + bias))), score, known };
}

/** The model's score (log-odds, before the intercept) of a set of features. */
export function modelScore(model: WordModel, lang: string, features: readonly string[]): number | null {
  return modelJudgement(model, lang, features)?.score ?? null;
}

/** Probability that a text in `lang` belongs to the model's class; null for a language it was not trained on. */
export function modelProbability(model: WordModel, lang: string, features: readonly string[]): number | null {
  return modelJudgement(model, lang, features)?.probability ?? null;
}

const modelFile = lexiconFiles<WordModel>(assertModel);

/** Loads `rules/lexicons/<name>.model.json`. */
export function loadModel(name: string): WordModel {
  return modelFile(`${name}.model.json`);
}

function assertModel(data: unknown, fail: (why: string) => never): asserts data is WordModel {
  const record = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!record(data)) return fail('must be an object');
  const { threshold, languages } = data;
  if (typeof threshold !== 'number' || threshold <= 0 || threshold >= 1) fail('threshold must be a number between 0 and 1');
  if (!record(languages)) return fail('languages must be an object');
  for (const [lang, entry] of Object.entries(languages)) {
    if (!record(entry) || typeof entry.bias !== 'number' || !record(entry.weights)) fail(`'${lang}' needs a numeric bias and an object of weights`);
    else if (!Object.values(entry.weights).every((w) => typeof w === 'number' && Number.isFinite(w))) fail(`'${lang}.weights' must all be numbers`);
  }
}
