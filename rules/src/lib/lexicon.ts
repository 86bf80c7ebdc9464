import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Phrase lists of one rule: language → category → phrases. */
export type Lexicon = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const cache = new Map<string, Lexicon>();

/**
 * `rules/lexicons/`, found through the package name rather than this file's place, so that it
 * is the same folder when this code runs from the CLI's bundle.
 */
export const LEXICON_DIR = join(dirname(createRequire(import.meta.url).resolve('@postlint/rules/package.json')), 'lexicons');

/**
 * Loads `rules/lexicons/<ruleId>.json`, the word lists a marketer can read and extend.
 * Checked here for shape so a broken edit fails with the file name, not deep in a rule.
 */
export function loadLexicon(ruleId: string): Lexicon {
  let lexicon = cache.get(ruleId);
  if (lexicon) return lexicon;
  const data: unknown = JSON.parse(readFileSync(join(LEXICON_DIR, `${ruleId}.json`), 'utf8'));
  assertLexicon(data, ruleId);
  lexicon = data;
  cache.set(ruleId, lexicon);
  return lexicon;
}

function assertLexicon(data: unknown, ruleId: string): asserts data is Lexicon {
  const fail = (why: string): never => {
    throw new Error(`lexicons/${ruleId}.json: ${why}`);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('must be an object of languages');
  for (const [lang, categories] of Object.entries(data as Record<string, unknown>)) {
    if (lang === '$comment') continue;
    if (categories === null || typeof categories !== 'object' || Array.isArray(categories)) fail(`'${lang}' must be an object of categories`);
    for (const [name, list] of Object.entries(categories as Record<string, unknown>)) {
      if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim() !== '')) fail(`'${lang}.${name}' must be a list of non-empty phrases`);
    }
  }
}

const NONE: readonly string[] = [];
const combined = new WeakMap<object, Map<string, WeakMap<readonly string[], readonly string[]>>>();

/**
 * Phrases of one category for a language, plus extra phrases from options. The same array
 * comes back for the same inputs, so matchers compiled from it are reused for every post.
 */
export function phrases(lexicon: Lexicon, lang: string, category: string, extra: readonly string[] = NONE): readonly string[] {
  const base = lexicon[lang]?.[category] ?? NONE;
  if (extra.length === 0) return base;
  let byCategory = combined.get(lexicon);
  if (!byCategory) {
    byCategory = new Map();
    combined.set(lexicon, byCategory);
  }
  const key = `${lang}\u0000${category}`;
  let byExtra = byCategory.get(key);
  if (!byExtra) {
    byExtra = new WeakMap();
    byCategory.set(key, byExtra);
  }
  let list = byExtra.get(extra);
  if (!list) {
    list = [...base, ...extra];
    byExtra.set(extra, list);
  }
  return list;
}

/** The languages a lexicon has lists for (its keys, without the `$comment`). */
export function lexiconLanguages(lexicon: Lexicon): string[] {
  return Object.keys(lexicon).filter((key) => key !== '$comment');
}
