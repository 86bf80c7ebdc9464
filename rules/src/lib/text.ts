/** Text helpers shared by the content rules: folding, masking, sentences, phrase matching. */

/** Text with accents and case folded, keeping a map back to the original indices. */
export interface Folded {
  readonly text: string;
  /** The text before folding. */
  readonly source: string;
  /**
   * offsets[i] = index in the original text of folded character i (length + 1 entries);
   * null when folding kept every offset (plain ASCII text).
   */
  readonly offsets: readonly number[] | null;
}

const MARKS = /\p{M}/gu;

/**
 * Lower-cases and strips accents so "Está", "esta" and "ESTÁ" match one lexicon entry.
 * ñ keeps its tilde: "año" and "ano" are different words.
 */
export function fold(text: string): Folded {
  // Single words are cheap to fold and would only push posts out of the cache. A post's
  // tokens hang on its Folded, so every rule gets the same one.
  return text.length < 32 ? foldUncached(text) : foldCache.get(text, () => foldUncached(text));
}

/**
 * Just the folded text of a sentence, a word or a one-off variant of a post, for a regular
 * expression or a set lookup: not cached, so it never pushes a post's folding (and the tokens
 * hung on it) out of the cache that every rule shares.
 */
export function foldText(text: string): string {
  return foldUncached(text).text;
}

/**
 * The last few values computed for a key: every rule asks about the same post, and a run
 * moves on post by post. Slots are overwritten in turn rather than a Map cleared: V8's
 * Map#clear leaves the old table holding its values, and a promoted table keeps them alive
 * through every minor GC until a full one, so each post's working data got promoted (a
 * 10k-post run promoted ~600 MB and grew its heap to ~200 MB for ~40 MB of live data).
 */
export class Recent<K, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  constructor(size: number) {
    this.keys = new Array<K | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  get(key: K, compute: () => V): V {
    const i = this.keys.indexOf(key);
    if (i !== -1) return this.values[i] as V;
    const value = compute();
    this.keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.keys.length;
    return value;
  }
}

/** `text` with each range replaced by spaces (same length, so offsets still hold). */
export function blank(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = text;
  for (const [s, e] of ranges) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

const cacheKey = (text: string, code: readonly (readonly [number, number])[]): string => (code.length === 0 ? text : `${text}\u0000${code.join(';')}`);

const foldedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The words of a lexicon list, folded, as a set: built once per list, not once per post. */
export function foldedSet(words: readonly string[]): ReadonlySet<string> {
  let set = foldedSets.get(words);
  if (!set) {
    set = new Set(words.map((w) => foldText(w)));
    foldedSets.set(words, set);
  }
  return set;
}

const foldCache = new Recent<string, Folded>(8);
const charCache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = charCache.get(ch);
  if (folded === undefined) {
    const lower = ch.toLowerCase();
    folded = lower === 'ñ' ? 'ñ' : lower.normalize('NFD').replace(MARKS, '');
    charCache.set(ch, folded);
  }
  return folded;
}

const NON_ASCII = /[^\p{ASCII}]/gu;

function foldUncached(text: string): Folded {
  // Most posts are mostly ASCII: lower-casing keeps every offset, so no map is needed.
  const lower = text.toLowerCase();
  if (!/[^\p{ASCII}]/u.test(lower)) return { text: lower, source: text, offsets: null };
  // Usually every character folds to one of the same length ("É" → "e"): one replace, and
  // the offsets stay those of the text. (Σ lower-cases by context, so it goes the slow way.)
  if (lower.length === text.length && !text.includes('Σ')) {
    let resized = 0;
    const out = lower.replace(NON_ASCII, (ch) => {
      const folded = foldChar(ch);
      if (folded.length !== ch.length) resized++;
      return folded;
    });
    if (resized === 0) return { text: out, source: text, offsets: null };
  }
  // Marks dropped ("❤️" loses its variation selector) or letters that change length: map
  // each folded character back to its origin.
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    const folded = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldChar(ch);
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    parts.push(folded);
    i += ch.length;
  }
  offsets.push(i);
  return { text: parts.join(''), source: text, offsets };
}

/** Index in the original text of folded character `i`. */
export function originOf(folded: Folded, i: number): number {
  return folded.offsets === null ? i : (folded.offsets[i] ?? folded.source.length);
}

// Trailing punctuation ends the sentence, not the link or handle: "see x.com/a." keeps its ".".
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"»”]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:[a-z0-9-]+\.)+(?:com|net|org|es|mx|ar|cl|co|pe|uk|ie|io|eu|info|biz|shop|store|app|dev|cat|gal|eus|me|tv|example)\b(?:\/[^\s<>()]*[^\s<>().,;:!?'"»”])?/giu;
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*(?:@[\w-]+(?:\.[\w-]+)+)?/gu;

/** Replaces URLs and e-mail addresses with spaces (same length), keeping @mentions. */
export function maskUrls(text: string): string {
  // Most posts have no link at all: skip the expensive expression when nothing looks like one.
  if (!LINKISH.test(text)) return text;
  return text.replace(URL, (m) => ' '.repeat(m.length));
}

// An e-mail address needs "x@y.z"; a bare "@" is a mention, which every reply has.
const LINKISH = /https?:|www\.|[\w.+-]@[\w-]+\.[\w-]|\.(?:com|net|org|es|mx|ar|cl|co|pe|uk|ie|io|eu|info|biz|shop|store|app|dev|cat|gal|eus|me|tv|example)\b/iu;

/** Any `scheme://…` or `www.…` address: where a `#` or `@` is part of a link, not a tag or mention. */
const SCHEME_LINK = /(?:\b[a-z][a-z\d+.-]*:\/\/|\bwww\.)[^\s<>"]+/giu;

/** Blanks out web addresses and code (same length), keeping #hashtags and @mentions. */
export function maskLinksAndCode(text: string, code: readonly (readonly [number, number])[] = []): string {
  return linkMaskCache.get(cacheKey(text, code), () => {
    const links = text.includes('://') || /www\./iu.test(text) ? text.replace(SCHEME_LINK, (m) => ' '.repeat(m.length)) : text;
    return blank(links, code);
  });
}

const linkMaskCache = new Recent<string, string>(8);

/** Replaces URLs, e-mail addresses, @mentions and code with spaces (same length). */
export function maskNonProse(text: string, code: readonly (readonly [number, number])[] = []): string {
  return maskCache.get(cacheKey(text, code), () => blank(maskUrls(text).replace(MENTION, (m) => ' '.repeat(m.length)), code));
}

const maskCache = new Recent<string, string>(8);

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when two spans share at least one character. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** True when `m` starts inside `s` (a match in a sentence). */
export const inside = (m: Span, s: Span): boolean => m.start >= s.start && m.start < s.end;

/**
 * `list` split by the sentence each item starts in (`inside`), in list order: one pass with
 * a binary search per item, where filtering the whole list for every sentence is quadratic.
 * Items in no sentence are dropped.
 */
export function bySentence<T extends Span>(list: readonly T[], sentences: readonly Span[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  for (const item of list) {
    let low = 0;
    let high = sentences.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((sentences[mid]?.start ?? 0) <= item.start) low = mid;
      else high = mid - 1;
    }
    const sentence = sentences[low];
    if (sentence && inside(item, sentence)) out[low]?.push(item);
  }
  return out;
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

/** Abbreviations whose dot does not end a sentence: "p. ej.", "e.g.", "EE. UU.", "Sra.". */
const ABBREVIATION = /(?:^|[\s(])(?:p|ej|e\.g|i\.e|etc|sr|sra|srta|dr|dra|mr|mrs|ms|st|vs|aprox|núm|nº|tel|ee|uu|pág|approx)\.$/iu;

function mergeAbbreviations(list: Sentence[], text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const s of list) {
    const prev = out[out.length - 1];
    if (prev && ABBREVIATION.test(prev.text) && !text.slice(prev.end, s.start).includes('\n')) {
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

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
  /** The word as written, lower-cased but with its accents ("té" vs "te"). */
  readonly raw: string;
  /** Written in capitals ("US", "IT"): an acronym, not the short word it folds to. */
  readonly caps: boolean;
  /** First two letters of a word, the key of phrases that start with a wildcard word ("agradec*"). */
  readonly key2: string;
}

const QUOTES: Readonly<Record<string, string>> = { '‘': "'", '’': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"' };
// Not a WeakMap: minor GCs keep a WeakMap's values, so every post's tokens were promoted.
const tokenCache = new Recent<Folded, Token[]>(8);

/** What a code point is to the tokenizer. */
const SPACE = 0;
const WORD = 1;
const PICTOGRAPH = 2;
const SYMBOL = 3;
const classes = new Map<number, number>();

function classOf(cp: number): number {
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = /^[\p{L}\p{N}_]$/u.test(ch) ? WORD : /^\p{Extended_Pictographic}$/u.test(ch) ? PICTOGRAPH : /^\s$/u.test(ch) ? SPACE : SYMBOL;
    classes.set(cp, c);
  }
  return c;
}

/**
 * Words (runs of letters, digits and _) and single symbols (%, #, ', an emoji with its
 * variation selector…); whitespace separates. A scan over code points, each classified once
 * by the regular expressions that define the classes: the same tokens as matching
 * `([\p{L}\p{N}_]+)|\p{Extended_Pictographic}\uFE0F?|[^\s\p{L}\p{N}_]`, in a third of the time.
 */
export function tokenize(text: string, source?: Folded): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) ?? 0;
    const kind = classOf(cp);
    let end = i + (cp > 0xffff ? 2 : 1);
    if (kind === SPACE) {
      i = end;
      continue;
    }
    if (kind === WORD) {
      while (end < n) {
        const next = text.codePointAt(end) ?? 0;
        if (classOf(next) !== WORD) break;
        end += next > 0xffff ? 2 : 1;
      }
    } else if (kind === PICTOGRAPH && text.charCodeAt(end) === 0xfe0f) end++;
    const found = text.slice(i, end);
    const word = kind === WORD;
    // Curly and straight quotes are the same token: lexicons are typed with straight ones.
    const value = word ? found : (QUOTES[found] ?? found);
    // Accents and capitals only matter for short words ("té" vs "te", "US" vs "us").
    const original = word && found.length <= 3 ? (source ? source.source.slice(originOf(source, i), originOf(source, end)) : found) : '';
    out.push({ text: value, start: i, end, word, raw: original.toLowerCase(), caps: original.length >= 2 && /^\p{Lu}+$/u.test(original), key2: word ? value.slice(0, 2) : '' });
    i = end;
  }
  return out;
}

/** One phrase as tokens; `prefix` tokens end in `*` in the lexicon, `any` is a lone `*`. */
type Pattern = readonly { readonly text: string; readonly kind: 'exact' | 'prefix' | 'any'; readonly raw?: string; readonly noCaps?: boolean }[];

/**
 * Lexicon phrases compiled for matching on word tokens, through a token trie (see
 * `CategoryMatcher`), so a post is scanned once whatever the size of the lists.
 */
export class PhraseMatcher {
  /** The phrases as token patterns, for the trie of a `CategoryMatcher`. */
  readonly patterns: Pattern[] = [];

  constructor(phrases: readonly string[]) {
    for (const written of new Set(phrases.map((p) => p.trim()).filter(Boolean))) {
      const folded = fold(written);
      const phrase = folded.text;
      // Short words keep their accents: "te" (you) is not "té" (tea), "si" is not "sí".
      const tokens = tokenize(phrase, folded);
      // A one-word entry typed in lower case ("us", "it") does not match capitals ("US", "IT"):
      // those are acronyms. Phrases ("DM us") and entries typed in capitals match either way.
      const caseSensitive = tokens.length === 1 && written === written.toLowerCase();
      const pattern: Pattern = tokens.map((t) => ({
        text: t.text,
        kind: 'exact' as const,
        ...(t.word && t.text.length <= 3 ? { raw: t.raw } : {}),
        ...(caseSensitive ? { noCaps: true } : {}),
      }));
      // Re-read the raw phrase to find wildcards ("*" is a symbol token above).
      const merged: { text: string; kind: 'exact' | 'prefix' | 'any'; raw?: string; noCaps?: boolean }[] = [];
      for (const t of pattern) {
        const last = merged[merged.length - 1];
        if (t.text === '*' && last && last.kind === 'exact' && /[\p{L}\p{N}_]$/u.test(last.text) && phrase.includes(`${last.text}*`)) last.kind = 'prefix';
        else if (t.text === '*') merged.push({ text: '', kind: 'any' });
        else merged.push({ ...t });
      }
      if (merged.length > 0) this.patterns.push(merged);
    }
  }

  private single: CategoryMatcher | undefined;

  /** Matches as [first token index, last token index + 1], leftmost-longest, not overlapping. */
  match(tokens: readonly Token[]): [number, number][] {
    // One matching algorithm: this list as the only category of a CategoryMatcher.
    this.single ??= new CategoryMatcher(['phrase'], [this]);
    return this.single.match(tokens)[0] ?? [];
  }
}

const compiled = new WeakMap<readonly string[], PhraseMatcher | null>();

/**
 * Compiles lexicon phrases once per list (rules reuse the same lists for every post). A word
 * may end in `*` to match any ending ("promo*" matches "promoción"), a lone `*` matches any
 * one word ("el más *"); matching is on whole words, so "our" never matches inside "hours".
 */
export function compilePhrases(phrases: readonly string[]): PhraseMatcher | null {
  let matcher = compiled.get(phrases);
  if (matcher === undefined) {
    matcher = phrases.length === 0 ? null : new PhraseMatcher(phrases);
    compiled.set(phrases, matcher);
  }
  return matcher;
}

/** Finds every phrase of `matcher` in the folded text, with spans in the original text. */
export function findAll(folded: Folded, matcher: PhraseMatcher | null, category: string): PhraseMatch[] {
  if (!matcher) return [];
  const tokens = tokensOf(folded);
  return matcher.match(tokens).map(([a, b]) => toMatch(folded, tokens, a, b, category));
}

function tokensOf(folded: Folded): Token[] {
  return tokenCache.get(folded, () => tokenize(folded.text, folded));
}

function toMatch(folded: Folded, tokens: readonly Token[], a: number, b: number, category: string): PhraseMatch {
  const start = tokens[a]?.start ?? 0;
  const end = tokens[b - 1]?.end ?? start;
  return { start: originOf(folded, start), end: originOf(folded, end), category, phrase: folded.text.slice(start, end) };
}

/** A trie over the phrases' tokens: the categories whose phrases end here, and the ways on. */
interface TrieNode {
  /** Exact words, by text; variants differ in the accents or case a short word requires. */
  readonly exact: Map<string, { readonly raw: string | undefined; readonly noCaps: boolean; readonly node: TrieNode }[]>;
  /** Wildcard words ("agradec*"). */
  readonly prefix: { readonly text: string; readonly node: TrieNode }[];
  /** A lone "*": any one word. */
  any: TrieNode | null;
  readonly ends: number[];
}

const NO_EDGES: TrieNode['prefix'] = [];
const trieNode = (): TrieNode => ({ exact: new Map(), prefix: [], any: null, ends: [] });

/**
 * Several categories' phrases in one token trie, so that a post's tokens are scanned once for
 * all of them and each position only follows the phrases its words can still complete.
 */
class CategoryMatcher {
  private readonly root = trieNode();
  /** Wildcard words that open a phrase, by their first two letters. */
  private readonly rootPrefix = new Map<string, { readonly text: string; readonly node: TrieNode }[]>();

  constructor(readonly categories: readonly string[], matchers: readonly (PhraseMatcher | null)[]) {
    matchers.forEach((matcher, category) => {
      if (!matcher) return;
      for (const pattern of matcher.patterns) this.insert(pattern, category);
    });
  }

  private insert(pattern: Pattern, category: number): void {
    let node = this.root;
    pattern.forEach((p, k) => {
      if (p.kind === 'any') node = node.any ??= trieNode();
      else if (p.kind === 'prefix') {
        const list = k === 0 ? (this.rootPrefix.get(p.text.slice(0, 2)) ?? []) : node.prefix;
        if (k === 0) this.rootPrefix.set(p.text.slice(0, 2), list);
        let edge = list.find((e) => e.text === p.text);
        if (!edge) list.push((edge = { text: p.text, node: trieNode() }));
        node = edge.node;
      } else {
        const list = node.exact.get(p.text) ?? [];
        node.exact.set(p.text, list);
        const noCaps = p.noCaps === true;
        let edge = list.find((e) => e.raw === p.raw && e.noCaps === noCaps);
        if (!edge) list.push((edge = { raw: p.raw, noCaps, node: trieNode() }));
        node = edge.node;
      }
    });
    node.ends.push(category);
  }

  /**
   * Per category, leftmost-longest matches that do not overlap each other ("as we already
   * said" beats "as we said"); matches of different categories may overlap. Words must be
   * adjacent (only spaces between).
   */
  match(tokens: readonly Token[]): [number, number][][] {
    const out: [number, number][][] = this.categories.map(() => []);
    const free = new Array<number>(this.categories.length).fill(0);
    const best = new Array<number>(this.categories.length).fill(0);
    const touched: number[] = [];
    let i = 0;
    const walk = (node: TrieNode, depth: number): void => {
      for (const c of node.ends) {
        if (i < (free[c] ?? 0) || depth <= (best[c] ?? 0)) continue;
        if (best[c] === 0) touched.push(c);
        best[c] = depth;
      }
      const t = tokens[i + depth];
      if (!t) return;
      const edges = node.exact.get(t.text);
      if (edges) {
        for (const e of edges) {
          // Short words keep their accents ("té" is not "te"); a lower-case entry is not an acronym.
          if ((e.raw === undefined || !t.word || t.raw === e.raw) && !(e.noCaps && t.caps && t.raw.length <= 3)) walk(e.node, depth + 1);
        }
      }
      if (!t.word) return;
      for (const e of depth === 0 ? (this.rootPrefix.get(t.key2) ?? NO_EDGES) : node.prefix) if (t.text.startsWith(e.text)) walk(e.node, depth + 1);
      if (node.any) walk(node.any, depth + 1);
    };
    for (; i < tokens.length; i++) {
      walk(this.root, 0);
      for (const c of touched) {
        const length = best[c] ?? 0;
        out[c]?.push([i, i + length]);
        free[c] = i + length;
        best[c] = 0;
      }
      touched.length = 0;
    }
    return out;
  }
}

const listIds = new WeakMap<readonly string[], number>();
let nextListId = 0;
const categoryMatchers = new Map<string, CategoryMatcher>();

/**
 * `findAll` for several categories at once (category → phrases), in one pass over the tokens.
 * Returns the matches of each category, as `findAll` would.
 */
export function findCategories(folded: Folded, lists: Readonly<Record<string, readonly string[]>>): Record<string, PhraseMatch[]> {
  const categories = Object.keys(lists);
  const key = categories
    .map((c) => {
      const list = lists[c] ?? [];
      let id = listIds.get(list);
      if (id === undefined) listIds.set(list, (id = nextListId++));
      return `${c}:${id}`;
    })
    .join(',');
  let matcher = categoryMatchers.get(key);
  if (!matcher) {
    matcher = new CategoryMatcher(categories, categories.map((c) => compilePhrases(lists[c] ?? [])));
    // Each config's extra phrases make one more combination; a long run sees only a few.
    if (categoryMatchers.size >= 64) categoryMatchers.clear();
    categoryMatchers.set(key, matcher);
  }
  const tokens = tokensOf(folded);
  const found = matcher.match(tokens);
  const out: Record<string, PhraseMatch[]> = {};
  categories.forEach((category, i) => {
    out[category] = (found[i] ?? []).map(([a, b]) => toMatch(folded, tokens, a, b, category));
  });
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
