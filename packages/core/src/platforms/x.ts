/**
 * X (Twitter): the weighted length of twitter-text's `parseTweet`.
 *
 * twitter-text NFC-normalises the text, counts every URL as 23, every emoji sequence as 2,
 * Latin and general punctuation as 1 and everything else (CJK, most symbols) as 2.
 */
import twitter from 'twitter-text';
import type { ParseTweetOptions } from 'twitter-text';
import { loadTwemoji } from '../lazy.js';
import { graphemeBoundaries, graphemeStart } from './count.js';

/**
 * twitter-text's configuration v3 (`config/v3.json`), which is also `parseTweet`'s default.
 * It is written out so that `parseTweet` and the overflow walk below use the same numbers;
 * a test checks that it still equals the library's own copy.
 */
export const X_CONFIG = {
  version: 3,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  emojiParsingEnabled: true,
  transformedURLLength: 23,
  ranges: [
    { start: 0, end: 4351, weight: 100 },
    { start: 8192, end: 8205, weight: 100 },
    { start: 8208, end: 8223, weight: 100 },
    { start: 8242, end: 8247, weight: 100 },
  ],
} satisfies Required<ParseTweetOptions>;

export interface XCount {
  readonly length: number;
  readonly overflowIndex: number | null;
}

/**
 * Characters that weigh 1 on X and can be neither part of an emoji nor where a link starts:
 * printable ASCII and line breaks, Latin-1 to U+10FF (a bare © or ® is not an emoji; with
 * U+FE0F, which is not here, it is), and the light ranges of general punctuation. A text
 * of only these, with no dot or colon followed by a non-space (a link needs a domain),
 * weighs its NFC length: parseTweet and its link and emoji extractors need not run. A
 * test compares the two on random texts.
 */
const LIGHT = /^[\t\n\r\x20-\x7e\u00a0-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]*$/u;
const LINKISH = /[.．。｡:：]\S/u;

/** Weighted length of `text` on X and, when it is over `limit`, where it stops fitting. */
export function countX(text: string, limit: number): XCount {
  const normalized = text.normalize('NFC');
  if (normalized.length <= limit && LIGHT.test(normalized) && !LINKISH.test(normalized)) return { length: normalized.length, overflowIndex: null };
  const { weightedLength } = twitter.parseTweet(text, { ...X_CONFIG, maxWeightedTweetLength: limit });
  if (weightedLength <= limit) return { length: weightedLength, overflowIndex: null };

  // parseTweet's `validRangeEnd` cannot be used as is: it stops moving at the first "invalid"
  // character (U+FFFE, U+FEFF, U+FFFF) even when the length still fits, and it shifts the
  // index by the whole normalisation difference rather than the part before the overflow.
  // So walk the normalised text the way parseTweet does and map the result back.
  // The walk mirrors parseTweet, so it always finds the overflow; the fallback is the last character.
  const index = overflowIndex(normalized, limit * X_CONFIG.scale) ?? Math.max(0, normalized.length - 1);
  return { length: weightedLength, overflowIndex: toOriginalIndex(text, normalized, index) };
}

/**
 * Where the pieces parseTweet weighs (in scaled weight, 100 = one character) first add up to
 * more than `scaledLimit`, or null. A plain loop: it runs on every over-long post.
 */
function overflowIndex(text: string, scaledLimit: number): number | null {
  const { scale, defaultWeight, transformedURLLength } = X_CONFIG;
  const urls = new Map(twitter.extractUrlsWithIndices(text).map((url) => [url.indices[0], url.url.length]));
  const emoji = new Map(loadTwemoji().parse(text).map((entity) => [entity.indices[0], entity.text.length]));
  let length = 0;
  for (let index = 0; index < text.length; ) {
    const urlLength = urls.get(index);
    const emojiLength = emoji.get(index);
    let step: number;
    if (urlLength !== undefined) {
      length += transformedURLLength * scale;
      step = urlLength;
    } else if (emojiLength !== undefined) {
      length += defaultWeight;
      step = emojiLength;
    } else {
      // Like twitter-text, a surrogate pair is weighed by its low surrogate (so it weighs 2).
      const pair = isSurrogatePair(text, index);
      length += charWeight(text.charCodeAt(pair ? index + 1 : index));
      step = pair ? 2 : 1;
    }
    if (length > scaledLimit) return index;
    index += step;
  }
  return null;
}

function charWeight(code: number): number {
  for (const { start, end, weight } of X_CONFIG.ranges) if (code >= start && code <= end) return weight;
  return X_CONFIG.defaultWeight;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/**
 * Maps an index in the NFC form of `text` back to `text`, landing on the start of the grapheme
 * cluster that holds it. NFC only recomposes characters inside a cluster, so the answer is the
 * last cluster boundary of `text` whose normalised prefix ends at or before `index`.
 */
function toOriginalIndex(text: string, normalized: string, index: number): number {
  if (text === normalized) return graphemeStart(text, index);
  const bounds = graphemeBoundaries(text);
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (text.slice(0, bounds[mid]).normalize('NFC').length <= index) low = mid;
    else high = mid - 1;
  }
  return bounds[low] ?? 0;
}
