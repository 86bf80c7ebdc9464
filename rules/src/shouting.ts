import { defineRule, type Brand } from '@postlint/core';
import { loadLexicon, phrases } from './lib/lexicon.js';
import { foldText, maskNonProse, quote } from './lib/text.js';

export type Options = {
  /** Words written in capitals on purpose (acronyms, product codes) beyond the lexicon's. */
  allow: string[];
};

/** Words: letters and digits, with inner apostrophes and hyphens ("DON'T", "E-BOOK"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** Hashtags are tags, not prose: `#BLACKFRIDAY` is how some people write them. */
const HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{M}\p{N}_]+/gu;
/** Two or more ! ? ¡ ¿ in a row (also full-width). */
const MARKS = /[!?¡¿！？]{2,}/gu;
/** Roman numerals (siglo XXI, Fase III, Felipe VI): capitals, but not shouting. */
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

type Kind = 'caps' | 'short' | 'neutral' | 'word';

/**
 * caps: 3+ capital letters and no small ones, not an acronym or a brand; short: two
 * capitals ("NO", "TE", "OF"); word: has a small letter (ends a run of capitals); neutral:
 * numbers, single capitals ("I", "A", "Y"), acronyms, brands and Roman numerals, which
 * neither count nor end a run.
 */
function kind(word: string, ignore: ReadonlySet<string>): Kind {
  if (/\p{Ll}/u.test(word)) return 'word';
  const upper = word.match(/\p{Lu}/gu)?.length ?? 0;
  if (upper < 2 || ignore.has(foldText(word)) || ROMAN.test(word)) return 'neutral';
  return upper === 2 ? 'short' : 'caps';
}

const ignoredCache = new WeakMap<readonly string[], WeakMap<Brand, ReadonlySet<string>>>();

/** Acronyms and the words of brand names, folded: built once per word list and config, not per post. */
function ignored(acronyms: readonly string[], brand: Brand): ReadonlySet<string> {
  let byBrand = ignoredCache.get(acronyms);
  if (!byBrand) {
    byBrand = new WeakMap();
    ignoredCache.set(acronyms, byBrand);
  }
  let set = byBrand.get(brand);
  if (!set) {
    const brandWords = brand.names.flatMap((name) => name.split(/\s+/u));
    set = new Set([...acronyms, ...brandWords].filter(Boolean).map((w) => foldText(w)));
    byBrand.set(brand, set);
  }
  return set;
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly messageId: 'caps' | 'marks';
  readonly phrase: string;
}

/**
 * Runs of capitals on one line, from the first to the last capital word: shouting when the
 * run has 2+ words of 3+ letters ("BIG SALE"), or one with 2+ two-letter words around it
 * ("NO TE LO PIERDAS").
 */
function capsRuns(text: string, ignore: ReadonlySet<string>): Found[] {
  const out: Found[] = [];
  let run: { start: number; end: number; long: number; short: number } | undefined;
  let lastEnd = 0;
  const close = (): void => {
    if (run && (run.long >= 2 || (run.long === 1 && run.short >= 2))) {
      out.push({ start: run.start, end: run.end, messageId: 'caps', phrase: text.slice(run.start, run.end) });
    }
    run = undefined;
  };
  for (const m of text.matchAll(WORD)) {
    if (/[\n\r]/u.test(text.slice(lastEnd, m.index))) close();
    lastEnd = m.index + m[0].length;
    const k = kind(m[0], ignore);
    if (k === 'word') close();
    else if (k === 'caps' || k === 'short') {
      run ??= { start: m.index, end: lastEnd, long: 0, short: 0 };
      run.end = lastEnd;
      if (k === 'caps') run.long++;
      else run.short++;
    }
  }
  close();
  return out;
}

const OPENERS = /^[¡¿]+$/u;
const CLOSERS = /^[!?！？]+$/u;
/** Spanish writes a question that is also an exclamation as ¿¡…!? or ¡¿…?!: correct, not shouting. */
const MIRRORED: Readonly<Record<string, string>> = { '¿¡': '!?', '¡¿': '?!' };

/** Chains of ! and ?, with a Spanish opening chain and its closing chain reported as one. */
function markChains(text: string, lang: string): Found[] {
  const chains = [...text.matchAll(MARKS)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  const out: Found[] = [];
  for (let i = 0; i < chains.length; i++) {
    const open = chains[i];
    if (!open) continue;
    const next = chains[i + 1];
    const pairs = OPENERS.test(open.text) && next !== undefined && CLOSERS.test(next.text) && !/[\n\r]/u.test(text.slice(open.end, next.start));
    if (pairs) {
      i++;
      if (lang === 'es' && MIRRORED[open.text] === next.text) continue;
      out.push({ start: open.start, end: next.end, messageId: 'marks', phrase: `${open.text}…${next.text}` });
    } else out.push({ start: open.start, end: open.end, messageId: 'marks', phrase: open.text });
  }
  return out;
}

export default defineRule<Options>({
  meta: {
    id: 'shouting',
    description: {
      en: 'Several words in capitals in a row, or strings of “!!” and “?!”, read as shouting.',
      es: 'Varias palabras seguidas en mayúsculas, o cadenas de «!!» y «?!», se leen como gritos.',
    },
    recommended: 'warn',
    languages: ['en', 'es'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'More words that are written in capitals on purpose (acronyms, product codes), on top of the lexicon’s acronyms and the brand names from the configuration.',
        },
      },
    },
    defaultOptions: { allow: [] },
    messages: {
      en: {
        caps: '{{phrase}} is written in capitals, which reads as shouting. Write it in sentence case; if one word needs weight, capitalise only that one.',
        marks: '{{phrase}} reads as shouting. One “!” or “?” is enough; let the words carry the emphasis.',
      },
      es: {
        caps: '{{phrase}} está en mayúsculas y se lee como un grito. Escríbelo en minúsculas; si una palabra necesita énfasis, pon solo esa en mayúsculas.',
        marks: '{{phrase}} se lee como un grito. Basta con un signo de apertura y uno de cierre; deja que las palabras den el énfasis.',
      },
    },
  },
  check(post, context) {
    const { lang } = post;
    const view = post.plain;
    const lexicon = loadLexicon('shouting');
    const text = maskNonProse(view.text, view.code).replace(HASHTAG, (m) => ' '.repeat(m.length));
    // Most posts have no word with two capitals and no small letter: no run to look for.
    const runs = /\p{Lu}[^\s\p{Ll}]*?\p{Lu}/u.test(text) ? capsRuns(text, ignored(phrases(lexicon, lang, 'acronyms', context.options.allow), context.brand)) : [];
    const found = [...runs, ...markChains(text, lang)].sort((a, b) => a.start - b.start);
    for (const f of found) {
      context.report({ messageId: f.messageId, range: view.range(f.start, f.end), data: { phrase: quote(f.phrase, lang) } });
    }
  },
});
