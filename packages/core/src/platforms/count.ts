/**
 * Counting helpers shared by every platform: grapheme clusters, UTF-8 bytes, and the walk
 * that finds the first piece of text that no longer fits.
 */

// Grapheme clusters follow the Unicode version of the runtime's ICU (Node 20 ships full ICU).
// Grapheme rules are not locale-tailored, so no locale is passed.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// V8's segment iterator slows down more than linearly on long strings (about 1 s for 60,000
// characters on Node 20), so long texts are segmented in chunks of about this many code units.
const CHUNK = 256;
const SIMPLE = /^[ -~\n\t]*$/u;
/**
 * Code units that are always a cluster of their own (Grapheme_Cluster_Break Other or Control,
 * never CR, a joiner, a mark or half of a pair): Latin letters with their accents as written
 * in Spanish and English posts (á, ñ, ü, ¿, ¡), general punctuation (’ “ — …) and currency
 * signs. A chunk of only these is counted without ICU; a test checks the class against it.
 */
const SINGLE_UNITS = '\\t\\n\\x20-\\x7e\\u00a0-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u20a0-\\u20c0';
export const SINGLES = new RegExp(`^[${SINGLE_UNITS}]*$`, 'u');

/**
 * The same, plus pictographs (😀, 🌸, ☕): an emoji with nothing joined to it (no variation
 * selector, skin tone, joiner or keycap, which are not in the class) is one cluster per code
 * point. A test checks every Extended_Pictographic code point against Intl.Segmenter.
 */
export const POINTS = new RegExp(`^[${SINGLE_UNITS}\\p{Extended_Pictographic}]*$`, 'u');

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

/**
 * True where a grapheme boundary is certain from the two neighbouring code units alone: after
 * a line feed (rule GB4), or between two printable ASCII characters (no rule joins them).
 */
function isCertainBoundary(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  return before === 0x0a || (isPrintableAscii(before) && isPrintableAscii(text.charCodeAt(index)));
}

/** End of the chunk that starts at `from`: about CHUNK code units, ending on a certain boundary. */
function chunkEnd(text: string, from: number): number {
  let to = Math.min(from + CHUNK, text.length);
  while (to < text.length && !isCertainBoundary(text, to)) to++;
  return to;
}

/**
 * `text` in chunks ending on certain boundaries, each marked when it is plain ASCII, only
 * `SINGLES` (a cluster per code unit) or only `POINTS` (a cluster per code point).
 */
function* chunks(text: string): Generator<{ chunk: string; from: number; simple: boolean; singles: boolean; points: boolean }> {
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from);
    const chunk = from === 0 && to === text.length ? text : text.slice(from, to);
    const simple = SIMPLE.test(chunk);
    const singles = simple || SINGLES.test(chunk);
    yield { chunk, from, simple, singles, points: singles || POINTS.test(chunk) };
    from = to;
  }
}

/** Code points of `chunk` with their offsets: its clusters when it matches `POINTS`. */
function* codePoints(chunk: string): Generator<{ segment: string; index: number }> {
  for (let index = 0; index < chunk.length; ) {
    const size = (chunk.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    yield { segment: chunk.slice(index, index + size), index };
    index += size;
  }
}

/** Grapheme clusters of `text` with their UTF-16 offsets, segmented chunk by chunk. */
function* segments(text: string): Generator<{ text: string; start: number }> {
  for (const { chunk, from, singles, points } of chunks(text)) {
    if (singles) {
      // Every code unit is a cluster of its own.
      for (let i = 0; i < chunk.length; i++) yield { text: chunk.charAt(i), start: from + i };
    } else for (const { segment, index } of points ? codePoints(chunk) : segmenter.segment(chunk)) yield { text: segment, start: from + index };
  }
}

/** Number of extended grapheme clusters ("user-perceived characters") in `text`. */
export function graphemeLength(text: string): number {
  return SINGLES.test(text) ? text.length : countClusters(text, Infinity, () => 1).length;
}

/**
 * Length of `text` counted by cluster, and the start of the first cluster past `limit`. Every
 * unit postlint counts by (clusters, UTF-16 units, UTF-8 bytes) costs 1 for printable ASCII,
 * so plain stretches are added up without being split (this runs on every post).
 */
export function countClusters(text: string, limit: number, cost: (cluster: string) => number): Tally {
  let length = 0;
  let overflowIndex: number | null = null;
  for (const { chunk, from, simple, singles, points } of chunks(text)) {
    if (simple) {
      if (overflowIndex === null && length + chunk.length > limit) overflowIndex = from + Math.max(0, limit - length);
      length += chunk.length;
    } else if (singles) {
      for (let i = 0; i < chunk.length; i++) {
        length += cost(chunk.charAt(i));
        if (overflowIndex === null && length > limit) overflowIndex = from + i;
      }
    } else {
      for (const { segment, index } of points ? codePoints(chunk) : segmenter.segment(chunk)) {
        length += cost(segment);
        if (overflowIndex === null && length > limit) overflowIndex = from + index;
      }
    }
  }
  return { length, bytes: 0, overflowIndex };
}

/** Length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Start of the grapheme cluster that contains `index`; `index` itself at a boundary or at the end. */
export function graphemeStart(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (isCertainBoundary(text, index)) return index;
  // Only the stretch between the certain boundaries around `index` needs segmenting.
  let from = index - 1;
  while (from > 0 && !isCertainBoundary(text, from)) from--;
  let to = index + 1;
  while (to < text.length && !isCertainBoundary(text, to)) to++;
  let start = from;
  for (const { index: at } of segmenter.segment(text.slice(from, to))) {
    if (from + at > index) break;
    start = from + at;
  }
  return start;
}

/** Offsets where grapheme clusters start, plus `text.length`. */
export function graphemeBoundaries(text: string): number[] {
  const bounds: number[] = [];
  for (const cluster of segments(text)) bounds.push(cluster.start);
  bounds.push(text.length);
  return bounds;
}

/** The grapheme clusters of `text.slice(from, to)`, with offsets into the whole `text`. */
export function* clusters(text: string, from = 0, to = text.length): Generator<{ text: string; start: number }> {
  if (from >= to) return;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const cluster of segments(slice)) yield { text: cluster.text, start: from + cluster.start };
}

/** A piece of text a platform counts in one go: a grapheme cluster, or a link or mention it rewrites. */
export interface Unit {
  /** UTF-16 offset of the piece in the measured text. */
  readonly start: number;
  /** What the piece adds to the length, in the platform's unit. */
  readonly cost: number;
  /** What the piece adds in UTF-8 bytes (only read when there is a byte limit). */
  readonly bytes?: number;
}

export interface Tally {
  readonly length: number;
  readonly bytes: number;
  /** Start of the first unit that took the length past `limit` (or the bytes past `byteLimit`). */
  readonly overflowIndex: number | null;
}

/**
 * Adds units up, in order, and remembers the first one that does not fit. `initial` is what is
 * already used before the first unit (Mastodon's content warning).
 */
export function tally(units: Iterable<Unit>, limit: number, byteLimit = Infinity, initial = 0): Tally {
  let length = initial;
  let bytes = 0;
  let overflowIndex: number | null = initial > limit ? 0 : null;
  for (const unit of units) {
    length += unit.cost;
    bytes += unit.bytes ?? 0;
    if (overflowIndex === null && (length > limit || bytes > byteLimit)) overflowIndex = unit.start;
  }
  return { length, bytes, overflowIndex };
}
