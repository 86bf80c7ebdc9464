/** Text helpers shared by the content rules: folding, masking, sentences, phrase matching. */

/** Text with accents and case folded, keeping a map back to the original indices. */
export interface Folded {
  readonly text: string;
  /** offsets[i] = index in the original text of folded character i (length + 1 entries). */
  readonly offsets: readonly number[];
}

const MARKS = /\p{M}/gu;

/**
 * Lower-cases and strips accents so "Está", "esta" and "ESTÁ" match one lexicon entry.
 * ñ keeps its tilde: "año" and "ano" are different words.
 */
export function fold(text: string): Folded {
  let out = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const folded = lower === 'ñ' ? 'ñ' : lower.normalize('NFD').replace(MARKS, '');
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    out += folded;
    i += ch.length;
  }
  offsets.push(i);
  return { text: out, offsets };
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+|\b[\w.+-]+@[\w-]+\.[\w.-]+/giu;
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+(?:@[\w.-]+)?/gu;

/** Replaces URLs, e-mail addresses, @mentions and code with spaces (same length). */
export function maskNonProse(text: string, code: readonly (readonly [number, number])[] = []): string {
  let out = text.replace(URL, (m) => ' '.repeat(m.length)).replace(MENTION, (m) => ' '.repeat(m.length));
  for (const [s, e] of code) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Sentence extends Span {
  readonly text: string;
}

/**
 * Splits prose into sentences: after . ! ? … (and closing quotes/brackets), and at line
 * breaks, since list items and short lines in posts are sentences of their own.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n.!?…]*(?:[.!?…]+["'”’»)\]]*|\n|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      if (re.lastIndex > text.length) break;
      continue;
    }
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (/[\p{L}\p{N}]/u.test(body)) out.push({ start: m.index + lead, end: m.index + lead + body.length, text: body });
  }
  return mergeAbbreviations(out, text);
}

/** "p. ej." and "e.g." are not sentence ends. */
function mergeAbbreviations(list: Sentence[], text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const s of list) {
    const prev = out[out.length - 1];
    if (prev && /(?:^|\s)(?:p\.\s?ej|e\.g|i\.e|etc|Sr|Sra|Dr|Dra|Mr|Mrs|Ms|St|vs|aprox|núm|tel)\.$/iu.test(prev.text) && !text.slice(prev.end, s.start).includes('\n')) {
      out[out.length - 1] = { start: prev.start, end: s.end, text: text.slice(prev.start, s.end) };
    } else out.push(s);
  }
  return out;
}

export interface PhraseMatch extends Span {
  /** The lexicon category the phrase came from. */
  readonly category: string;
  readonly phrase: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Compiles lexicon phrases into one regular expression over folded text. A word may end in
 * `*` to match any ending ("promo*" matches "promoción"), a lone `*` matches any one word
 * ("el más *"), and spaces match any whitespace.
 */
const compiled = new Map<string, RegExp | null>();

export function compilePhrases(phrases: readonly string[]): RegExp | null {
  // Rules compile the same lists for every post: build each regular expression once.
  const key = phrases.join('\u0000');
  let re = compiled.get(key);
  if (re === undefined) {
    re = buildPhrases(phrases);
    compiled.set(key, re);
  }
  return re;
}

function buildPhrases(phrases: readonly string[]): RegExp | null {
  const word = (c: string): boolean => /[\p{L}\p{N}_*]/u.test(c);
  const parts = [...new Set(phrases.map((p) => fold(p.trim()).text).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = p
        .split(/\s+/u)
        .map((w) => {
          if (w === '*') return "[\\p{L}\\p{N}'’-]+";
          const star = w.endsWith('*');
          const text = escape(star ? w.slice(0, -1) : w).replace(/'/gu, "['’]");
          return star ? `${text}[\\p{L}\\p{N}]*` : text;
        })
        .join('\\s+');
      // Word boundaries only where the phrase starts or ends with a word character:
      // "% off" must match right after "20".
      const before = word(p.charAt(0)) ? '(?<![\\p{L}\\p{N}_])' : '';
      const after = word(p.charAt(p.length - 1)) ? '(?![\\p{L}\\p{N}_])' : '';
      return `${before}${body}${after}`;
    });
  if (parts.length === 0) return null;
  return new RegExp(parts.join('|'), 'gu');
}

/** Finds every match of `re` in the folded text, with spans in the original text. */
export function findAll(folded: Folded, re: RegExp | null, category: string): PhraseMatch[] {
  if (!re) return [];
  const out: PhraseMatch[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded.text)) !== null) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push({
      start: folded.offsets[m.index] ?? 0,
      end: folded.offsets[m.index + m[0].length] ?? 0,
      category,
      phrase: m[0],
    });
  }
  return out;
}

/** Drops matches that overlap an earlier (or longer) match, so one phrase counts once. */
export function dedupe<T extends Span>(matches: readonly T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
  return out;
}

/** Quotes a found phrase for a message in the post's language. */
export function quote(text: string, lang: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  return lang === 'es' ? `«${clean}»` : `“${clean}”`;
}
