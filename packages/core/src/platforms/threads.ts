/**
 * Threads: 500 characters, where Meta's API documentation says an emoji counts as its UTF-8
 * byte length (😀 = 4). The unit of other text is not documented; postlint counts grapheme
 * clusters, so the result is approximate.
 */
import { loadTwemoji } from '../lazy.js';
import { clusters, tally, utf8Length, type Tally, type Unit } from './count.js';

/** Length of `text` on Threads: a grapheme cluster costs 1, or its UTF-8 bytes when it is an emoji. */
export function countThreads(text: string, limit: number): Tally {
  return tally(threadsUnits(text), limit);
}

function* threadsUnits(text: string): Generator<Unit> {
  // Emoji as twemoji (the same parser as X's counter) recognises them.
  const emojiStarts = new Set(loadTwemoji().parse(text).map((entity) => entity.indices[0]));
  for (const cluster of clusters(text)) {
    yield { start: cluster.start, cost: emojiStarts.has(cluster.start) ? utf8Length(cluster.text) : 1 };
  }
}
