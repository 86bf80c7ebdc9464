import { describe, expect, it } from 'vitest';
import { POINTS, SINGLES, countClusters, graphemeBoundaries, graphemeLength, graphemeStart, utf8Length } from '../src/platforms/count.js';
import { getPlatform, measure, PLATFORMS, type PlatformSpec } from '../src/platforms/index.js';
import { rng } from './random.js';

describe('platform registry', () => {
  const ids = [
    'x',
    'bluesky',
    'mastodon',
    'threads',
    'linkedin',
    'linkedin-comment',
    'instagram',
    'facebook',
    'tiktok',
    'youtube',
    'youtube-title',
  ];

  it('has every expected platform, keyed by its id', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...ids].sort());
    for (const [id, spec] of Object.entries(PLATFORMS)) expect(spec.id).toBe(id);
  });

  it.each(Object.values(PLATFORMS))('$id has sane data and at least one source', (spec: PlatformSpec) => {
    expect(spec.name.length).toBeGreaterThan(0);
    expect(Number.isInteger(spec.limit) && spec.limit > 0).toBe(true);
    expect(spec.sources.length).toBeGreaterThan(0);
    if (spec.recommended) {
      const [min, max] = spec.recommended;
      expect(min).toBeLessThanOrEqual(max);
      expect(max).toBeLessThanOrEqual(spec.limit);
    }
    if (spec.fold?.chars !== undefined) expect(spec.fold.chars).toBeLessThanOrEqual(spec.limit);
  });

  it('keeps the figures from the research', () => {
    expect(PLATFORMS.x).toMatchObject({ limit: 280, unit: 'weighted', urlLength: 23, approximate: false });
    expect(PLATFORMS.bluesky).toMatchObject({ limit: 300, unit: 'graphemes', byteLimit: 3000, approximate: false });
    expect(PLATFORMS.mastodon).toMatchObject({ limit: 500, unit: 'graphemes', urlLength: 23, approximate: false });
    expect(PLATFORMS.threads).toMatchObject({ limit: 500, hashtagCap: 1, approximate: true });
    expect(PLATFORMS.linkedin).toMatchObject({ limit: 3000, approximate: true });
    expect(PLATFORMS['linkedin-comment']).toMatchObject({ limit: 1250, approximate: true });
    expect(PLATFORMS.instagram).toMatchObject({ limit: 2200, hashtagCap: 5, fold: { chars: 125, lines: 3 } });
    expect(PLATFORMS.facebook).toMatchObject({ limit: 63206, approximate: true });
    expect(PLATFORMS.tiktok).toMatchObject({ limit: 2200, approximate: true });
    expect(PLATFORMS.youtube).toMatchObject({ limit: 5000, unit: 'utf8-bytes', approximate: false });
    expect(PLATFORMS['youtube-title']).toMatchObject({ limit: 100, unit: 'graphemes', approximate: true });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(PLATFORMS)).toBe(true);
    expect(Object.isFrozen(PLATFORMS.x)).toBe(true);
  });

  it('looks platforms up case-insensitively, with aliases', () => {
    expect(getPlatform('Bluesky')?.id).toBe('bluesky');
    expect(getPlatform('TWITTER')?.id).toBe('x');
    expect(getPlatform('youtube-description')?.id).toBe('youtube');
    expect(getPlatform('myspace')).toBeUndefined();
    expect(getPlatform('toString')).toBeUndefined();
  });
});

describe('measure: errors', () => {
  it('throws for an unknown platform, naming the known ones', () => {
    expect(() => measure('hi', 'myspace')).toThrow(/Unknown platform "myspace".*bluesky/);
  });

  it.each([0, -1, 1.5, Number.NaN])('throws for maxChars %s', (maxChars) => {
    expect(() => measure('hi', 'mastodon', { maxChars })).toThrow(RangeError);
  });

  it('counts an empty text as 0 everywhere', () => {
    for (const id of Object.keys(PLATFORMS)) {
      expect(measure('', id)).toMatchObject({ platform: id, length: 0, overflowIndex: null });
    }
  });
});

/**
 * Exact boundaries. How much each kind of character costs on each kind of counter: X's
 * weights, Bluesky's shortened links, Mastodon's 23-character URLs, Threads' emoji bytes,
 * YouTube's UTF-8 bytes, and plain grapheme clusters for the rest.
 */
type Counter = 'x' | 'bluesky' | 'mastodon' | 'threads' | 'bytes' | 'graphemes';

function counterOf(id: string): Counter {
  switch (id) {
    case 'x':
    case 'bluesky':
    case 'mastodon':
    case 'threads':
      return id;
    case 'youtube':
      return 'bytes';
    default:
      return 'graphemes';
  }
}

const URL = 'https://example.com/a/long/path/to/a/page?with=query';

interface Piece {
  readonly name: string;
  readonly text: string;
  readonly cost: Readonly<Record<Counter, number>>;
  /** Counters that count this piece character by character rather than as a whole. */
  readonly perCharacter?: readonly Counter[];
}

const same = (n: number): Record<Counter, number> => ({ x: n, bluesky: n, mastodon: n, threads: n, bytes: n, graphemes: n });

const PIECES: readonly Piece[] = [
  { name: 'an ASCII letter', text: 'b', cost: same(1) },
  {
    name: 'a URL',
    text: URL,
    // Bluesky shows "example.com" + "/a/long/path/" + "..." (11 + 13 + 3).
    cost: { x: 23, bluesky: 27, mastodon: 23, threads: URL.length, bytes: URL.length, graphemes: URL.length },
    perCharacter: ['threads', 'bytes', 'graphemes'],
  },
  {
    name: 'a ZWJ emoji sequence',
    text: '👨‍👩‍👧‍👦',
    cost: { x: 2, bluesky: 1, mastodon: 1, threads: 25, bytes: 25, graphemes: 1 },
  },
  { name: 'a flag', text: '🇪🇸', cost: { x: 2, bluesky: 1, mastodon: 1, threads: 8, bytes: 8, graphemes: 1 } },
  {
    name: 'a skin-toned emoji',
    text: '👍🏽',
    cost: { x: 2, bluesky: 1, mastodon: 1, threads: 8, bytes: 8, graphemes: 1 },
  },
  { name: 'a keycap', text: '1️⃣', cost: { x: 2, bluesky: 1, mastodon: 1, threads: 7, bytes: 7, graphemes: 1 } },
  {
    name: '"a" + combining acute',
    text: 'a\u0301',
    cost: { x: 1, bluesky: 1, mastodon: 1, threads: 1, bytes: 3, graphemes: 1 },
  },
  { name: 'a CJK ideograph', text: '漢', cost: { x: 2, bluesky: 1, mastodon: 1, threads: 1, bytes: 3, graphemes: 1 } },
];

/** Text that costs exactly `n` on every counter, ending in a space so a URL can follow it. */
function filler(n: number): string {
  return n === 0 ? '' : `${'a'.repeat(n - 1)} `;
}

describe.each(Object.values(PLATFORMS))('exact boundary on $id', (spec: PlatformSpec) => {
  const counter = counterOf(spec.id);

  it.each(PIECES)('with $name', (piece: Piece) => {
    const cost = piece.cost[counter];
    const limit = spec.limit;

    // Exactly at the limit, with the piece last: it fits.
    const atLimit = filler(limit - cost) + piece.text;
    expect(measure(atLimit, spec.id)).toMatchObject({ length: limit, limit, overflowIndex: null });

    // One more character after it: that character is the first that does not fit.
    const oneOver = `${atLimit} `;
    expect(measure(oneOver, spec.id)).toMatchObject({ length: limit + 1, overflowIndex: atLimit.length });

    // The piece itself crosses the limit: the overflow starts at the piece, never inside it,
    // unless the platform counts it character by character (then at its last character).
    const before = filler(limit - cost + 1);
    const perCharacter = piece.perCharacter?.includes(counter) === true;
    expect(measure(before + piece.text, spec.id)).toMatchObject({
      length: limit + 1,
      overflowIndex: before.length + (perCharacter ? piece.text.length - 1 : 0),
    });
  });
});

describe('grapheme counting in chunks', () => {
  it('counts only code units that are always a cluster of their own without ICU', () => {
    // A boundary is suppressed only after a Prepend, before an Extend, SpacingMark or ZWJ,
    // inside CR LF, Hangul syllables and regional-indicator pairs: a character next to
    // "a" on both sides, and next to itself, shows each of those.
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const count = (text: string): number => [...segmenter.segment(text)].length;
    let checked = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (!SINGLES.test(ch)) continue;
      checked++;
      expect([code, count(`a${ch}a`), count(ch + ch)]).toEqual([code, 3, 2]);
    }
    expect(checked).toBeGreaterThan(800);
    expect(SINGLES.test('\r')).toBe(false);
    expect(SINGLES.test('\u0301')).toBe(false);
    expect(SINGLES.test('\u200d')).toBe(false);
    expect(SINGLES.test('\ufe0f')).toBe(false);
  });

  it('counts pictographs with nothing joined to them as one cluster per code point without ICU', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const count = (text: string): number => [...segmenter.segment(text)].length;
    let checked = 0;
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      if (SINGLES.test(ch) || !POINTS.test(ch)) continue;
      checked++;
      expect([code, count(`a${ch}a`), count(ch + ch), count(`${ch}é${ch}`)]).toEqual([code, 3, 2, 3]);
    }
    expect(checked).toBeGreaterThan(2500);
    for (const joined of ['❤️', '👍🏽', '👨‍👩‍👧', '1️⃣', '🇪🇸', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) expect(POINTS.test(joined)).toBe(false);
  });

  // Long texts are segmented in chunks for speed; the result must match one-piece segmentation.
  const pieces = ['a', 'b', ' ', '.', '\n', '\r\n', '\r', 'e\u0301', '👨‍👩‍👧‍👦', '🇪🇸', '👍🏽', '漢', 'क्ष', '1️⃣', 'x\u200d', '\u0301', '😀', '☕', '🌸🌸', '©', 'ñ'];
  const random = rng(42);
  const texts = [0, 1, 2].map(() => Array.from({ length: 4000 }, () => pieces[random(pieces.length)]).join(''));
  texts.push('a'.repeat(1000) + '\u0301'.repeat(500) + 'b'.repeat(1000));
  texts.push('plain words\n'.repeat(300) + '👍🏽 ok ' + 'más '.repeat(200), 'ascii only '.repeat(400));
  // Stretches of accented letters and typographic punctuation, counted without ICU.
  texts.push('¿Año nuevo? “Sí” — ñandú, 20 € … pingüino\n'.repeat(80) + 'e\u0301 👍🏽 ' + '«Qué» ‘tal’ ¡olé!\t'.repeat(60));

  it.each(texts.map((text, index) => [index, text] as const))('text %i', (_index, text) => {
    const expected = Array.from(new Intl.Segmenter().segment(text), ({ index }) => index);
    expect(graphemeBoundaries(text)).toEqual([...expected, text.length]);
    expect(graphemeLength(text)).toBe(expected.length);
    for (let index = 0; index < text.length; index += 97) {
      expect(graphemeStart(text, index)).toBe(expected.findLast((start) => start <= index));
    }
    // Counting by cluster (plain stretches are added up whole) matches a cluster-by-cluster walk.
    const clustersOf = expected.map((start, i) => text.slice(start, expected[i + 1] ?? text.length));
    for (const cost of [() => 1, utf8Length, (cluster: string) => cluster.length]) {
      for (const limit of [1, 500, 2999, 100000]) {
        let length = 0;
        let overflowIndex: number | null = null;
        clustersOf.forEach((cluster, i) => {
          length += cost(cluster);
          if (overflowIndex === null && length > limit) overflowIndex = expected[i] ?? null;
        });
        expect(countClusters(text, limit, cost)).toEqual({ length, bytes: 0, overflowIndex });
      }
    }
  });
});
