import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCategories, overlaps, type Folded, type PhraseMatch } from './text.js';

/** Phrase lists of one rule: language → category → phrases. */
export type Lexicon = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/**
 * `rules/lexicons/`, found through the package name rather than this file's place, so that it
 * is the same folder when this code runs from the CLI's bundle (and an edited word list takes
 * effect without a rebuild). Where the package is not installed, the bundle carries a copy
 * beside it (`bundle/lexicons/`): the pre-commit framework installs the repository root from
 * git, which holds the bundle but not the packages.
 */
export const LEXICON_DIR = findLexicons();

function findLexicons(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@postlint/rules/package.json')), 'lexicons');
  } catch {
    return fileURLToPath(new URL('lexicons/', import.meta.url));
  }
}

/**
 * A reader of one kind of file in `rules/lexicons/`: each file is parsed once, and checked
 * for shape so a broken edit fails with the file name, not deep in a rule. `assert` throws
 * through `fail`, whose message names the file.
 */
export function lexiconFiles<T>(assert: (data: unknown, fail: (why: string) => never) => asserts data is T): (file: string) => T {
  const cache = new Map<string, T>();
  return (file) => {
    let value = cache.get(file);
    if (value === undefined) {
      const data: unknown = JSON.parse(readFileSync(join(LEXICON_DIR, file), 'utf8'));
      assert(data, (why) => {
        throw new Error(`lexicons/${file}: ${why}`);
      });
      value = data;
      cache.set(file, value);
    }
    return value;
  };
}

const lexiconFile = lexiconFiles<Lexicon>(assertLexicon);

/** Loads `rules/lexicons/<ruleId>.json`, the word lists a marketer can read and extend. */
export function loadLexicon(ruleId: string): Lexicon {
  return lexiconFile(`${ruleId}.json`);
}

function assertLexicon(data: unknown, fail: (why: string) => never): asserts data is Lexicon {
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

/**
 * The `category` phrases of every language of the lexicon found in `folded` (the options'
 * `extra` ones with the post's language, `lang`), leaving out those that a phrase of the
 * `not` category overlaps ("thankfully", "se quejan en los comentarios"). Code-switched
 * posts thank or invite in either language. Every list is searched in one pass.
 */
export function findInAnyLanguage(folded: Folded, lexicon: Lexicon, lang: string, category: string, not: string, extra: readonly string[] = NONE): PhraseMatch[] {
  const lists: Record<string, readonly string[]> = {};
  for (const language of lexiconLanguages(lexicon)) {
    lists[`${category}:${language}`] = phrases(lexicon, language, category, language === lang ? extra : NONE);
    lists[`${not}:${language}`] = phrases(lexicon, language, not);
  }
  const found = Object.entries(findCategories(folded, lists));
  const of = (name: string): PhraseMatch[] => found.filter(([key]) => key.startsWith(`${name}:`)).flatMap(([, matches]) => matches);
  const excluded = of(not);
  return of(category).filter((m) => !excluded.some((n) => overlaps(n, m)));
}
