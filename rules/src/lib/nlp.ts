/**
 * Lazy access to the NLP taggers: compromise for English, es-compromise for Spanish.
 * They take a few hundred milliseconds to load, so each is imported only the first time a
 * rule asks about a post in its language, and only rules that need it ever ask.
 */
export interface Term {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
}

interface JsonTerm {
  text: string;
  tags?: string[];
  offset?: { start: number; length: number };
}
type Tagger = (text: string) => { json(options: { offset: boolean }): { terms: JsonTerm[] }[] };

const loaders: Readonly<Record<string, () => Promise<Tagger>>> = {
  // compromise/two is the tagger without the phrase-level plugins: a third of the memory.
  en: async () => (await import('compromise/two')).default,
  es: async () => (await import('es-compromise')).default,
};
const loaded = new Map<string, Promise<Tagger>>();

/** Tags every word of `text`; an empty list for languages without a tagger. */
export async function nlpTerms(text: string, lang: string): Promise<Term[]> {
  const load = loaders[lang];
  if (!load) return [];
  let tagger = loaded.get(lang);
  if (!tagger) {
    tagger = load();
    loaded.set(lang, tagger);
  }
  const doc = (await tagger)(text);
  return doc
    .json({ offset: true })
    .flatMap((s) => s.terms)
    .filter((t): t is JsonTerm & { offset: { start: number; length: number } } => t.offset !== undefined)
    .map((t) => ({ text: t.text, start: t.offset.start, end: t.offset.start + t.offset.length, tags: new Set(t.tags ?? []) }));
}
