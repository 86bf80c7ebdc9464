/**
 * Counting helpers shared by every platform: grapheme clusters, UTF-8 bytes, and the walk
 * that finds the first piece of text that no longer fits.
 */

// Grapheme clusters follow the Unicode version of the runtime's ICU (Node 20 ships full ICU).
// Grapheme rules are not locale-tailored, so no locale is passed.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Number of extended grapheme clusters ("user-perceived characters") in `text`. */
export function graphemeLength(text: string): number {
  let count = 0;
  const segments = segmenter.segment(text)[Symbol.iterator]();
  while (segments.next().done !== true) count++;
  return count;
}

/** Length of `text` in UTF-8 bytes. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Start of the grapheme cluster that contains `index`; `index` itself at a boundary or at the end. */
export function graphemeStart(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  return segmenter.segment(text).containing(index)?.index ?? index;
}

/** Offsets where grapheme clusters start, plus `text.length`. */
export function graphemeBoundaries(text: string): number[] {
  const bounds: number[] = [];
  for (const { index } of segmenter.segment(text)) bounds.push(index);
  bounds.push(text.length);
  return bounds;
}

/** The grapheme clusters of `text.slice(from, to)`, with offsets into the whole `text`. */
export function* clusters(text: string, from = 0, to = text.length): Generator<{ text: string; start: number }> {
  if (from >= to) return;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const { segment, index } of segmenter.segment(slice)) yield { text: segment, start: from + index };
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

/** One unit per grapheme cluster, costed by `cost`. */
export function* clusterUnits(text: string, cost: (cluster: string) => number): Generator<Unit> {
  for (const cluster of clusters(text)) yield { start: cluster.start, cost: cost(cluster.text) };
}
