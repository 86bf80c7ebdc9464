import { readFileSync } from 'node:fs';
import { parse as parseEmoji } from '@twemoji/parser';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { load as parseYaml } from 'js-yaml';
import { measure } from '../src/platforms/index.js';
import { X_CONFIG } from '../src/platforms/x.js';
import { rng } from './random.js';

interface WeightedCase {
  readonly description: string;
  readonly text: string;
  readonly expected: { readonly weightedLength: number; readonly valid: boolean; readonly validRangeEnd: number };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isWeightedCase(value: unknown): value is WeightedCase {
  return (
    isRecord(value) &&
    typeof value.description === 'string' &&
    typeof value.text === 'string' &&
    isRecord(value.expected) &&
    typeof value.expected.weightedLength === 'number' &&
    typeof value.expected.valid === 'boolean' &&
    typeof value.expected.validRangeEnd === 'number'
  );
}

const conformance: unknown = parseYaml(
  readFileSync(new URL('data/twitter-text/validate-weighted.yml', import.meta.url), 'utf8'),
);

function section(name: string): WeightedCase[] {
  const tests = isRecord(conformance) && isRecord(conformance.tests) ? conformance.tests[name] : undefined;
  if (!Array.isArray(tests) || !tests.every(isWeightedCase)) throw new Error(`bad conformance section ${name}`);
  return tests;
}

/** twitter-text's own verdict: fits, is not empty and has no "invalid" characters (U+FFFE, U+FEFF, U+FFFF). */
function validOnX(text: string, fits: boolean): boolean {
  return fits && text.length > 0 && !twitter.hasInvalidCharacters(text);
}

function checkCase({ text, expected }: WeightedCase): void {
  const measurement = measure(text, 'x');
  expect(measurement.length).toBe(expected.weightedLength);
  expect(measurement.limit).toBe(280);
  const fits = measurement.overflowIndex === null;
  expect(fits).toBe(expected.weightedLength <= 280);
  expect(validOnX(text, fits)).toBe(expected.valid);
  // In these cases nothing is normalised after the overflow point, so parseTweet's
  // validRangeEnd (the last character that fits) is right and must agree with ours.
  if (!fits) expect(measurement.overflowIndex).toBe(expected.validRangeEnd + 1);
}

describe('X: twitter-text conformance (weighted length)', () => {
  it('uses the same configuration as twitter-text v3', () => {
    const library = twitter as unknown as { configs: { defaults: unknown; version3: unknown } };
    expect(X_CONFIG).toEqual(library.configs.defaults);
    expect(X_CONFIG).toEqual(library.configs.version3);
  });

  describe('WeightedTweetsWithDiscountedEmojiCounterTest (config v3)', () => {
    it.each(section('WeightedTweetsWithDiscountedEmojiCounterTest'))('$description', checkCase);
  });

  describe('UnicodeDirectionalMarkerCounterTest (default config)', () => {
    it.each(section('UnicodeDirectionalMarkerCounterTest'))('$description', checkCase);
  });

  describe('WeightedTweetsCounterTest (config v2)', () => {
    // v2 weighed emoji per code point; X now uses v3, where an emoji sequence weighs 2. The
    // cases without emoji are exact; the others must match twitter-text's v3 count instead.
    const cases = section('WeightedTweetsCounterTest');
    const withoutEmoji = cases.filter(({ text }) => parseEmoji(text).length === 0);
    const withEmoji = cases.filter(({ text }) => parseEmoji(text).length > 0);

    it('has cases of both kinds', () => {
      expect(withoutEmoji.length).toBeGreaterThan(10);
      expect(withEmoji.length).toBeGreaterThan(0);
    });
    it.each(withoutEmoji)('$description', checkCase);
    it.each(withEmoji)('$description (v3 count)', ({ text }) => {
      expect(measure(text, 'x').length).toBe(twitter.parseTweet(text).weightedLength);
    });
  });
});

describe('X: the shortcut for light texts without links', () => {
  // Pieces that take the shortcut and pieces that must not: links with and without a
  // scheme, dots and colons, emoji (© alone is not one, ©️ is), heavy characters.
  const pieces = ['a', 'Z', ' ', '\n', '\r\n', '\t', 'ñ', 'é', 'e\u0301', '¿', '¡', '—', '“', '”', '’', '…', 'ß', 'Ω', 'ж', '.', '. ', ':', ': ', '3.5', 'x.com', 'https://t.co/a', 'www.example.es', 'ejemplo.es/oferta', '©', '®', '©\ufe0f', '™', '‼', '😀', '👍🏽', '漢', '€', '\u2028', '\ufeff', '#1', '1\ufe0f\u20e3'];
  const random = rng(7);
  const texts = Array.from({ length: 3000 }, () => Array.from({ length: 1 + random(60) }, () => pieces[random(pieces.length)]).join(''));
  texts.push('Hola, ¿qué tal? Nos vemos el sábado — “con calma”…', 'Caf\u0065\u0301 con leche', 'no links here, only words', 'see x.com');

  it.each([280, 25])('gives parseTweet\'s weighted length with a limit of %i', (limit) => {
    for (const text of texts) {
      const expected = twitter.parseTweet(text, { ...X_CONFIG, maxWeightedTweetLength: limit }).weightedLength;
      const measured = measure(text, 'x', { maxChars: limit });
      expect([text, measured.length]).toEqual([text, expected]);
      if (expected <= limit) expect(measured.overflowIndex).toBeNull();
    }
  });
});

describe('X: modern emoji weigh 2 each (twemoji-parser override)', () => {
  it.each([
    ['people holding hands (Emoji 12, ZWJ)', '🧑‍🤝‍🧑'],
    ['heart on fire (Emoji 13.1, ZWJ)', '❤️‍🔥'],
    ['phoenix (Emoji 15.1, ZWJ)', '🐦‍🔥'],
    ['flag of Spain', '🇪🇸'],
    ['thumbs up, medium skin tone', '👍🏽'],
    ['keycap 1', '1️⃣'],
    ['family (ZWJ)', '👨‍👩‍👧‍👦'],
  ])('%s', (_name, emoji) => {
    expect(measure(emoji, 'x').length).toBe(2);
    expect(measure(`${emoji} ${emoji}`, 'x').length).toBe(5);
  });
});

describe('X: where the text stops fitting', () => {
  it('maps the overflow back through NFC normalisation', () => {
    // "e" + U+0301 becomes "é" (weight 1) before counting; the overflowing "b" is at 281 in the original.
    const text = `${'a'.repeat(279)}e\u0301b`;
    expect(measure(text, 'x')).toMatchObject({ length: 281, overflowIndex: 281 });
  });

  it('does not split a grapheme cluster that NFC cannot compose', () => {
    // "q" + U+0301 has no composed form: q fits, the accent does not, so the cluster starts the overflow.
    const text = `${'a'.repeat(279)}q\u0301`;
    expect(measure(text, 'x')).toMatchObject({ length: 281, overflowIndex: 279 });
  });

  it('keeps going past characters twitter-text calls invalid', () => {
    // parseTweet's validRangeEnd stops at the U+FEFF (weight 2); the 279th "a" is the first that does not fit.
    const text = `\uFEFF${'a'.repeat(280)}`;
    expect(measure(text, 'x')).toMatchObject({ length: 282, overflowIndex: 279 });
  });

  it('never splits a URL', () => {
    const text = `${'a'.repeat(260)} https://example.com/some/page`;
    expect(measure(text, 'x')).toMatchObject({ length: 284, overflowIndex: 261 });
  });

  it('counts scheme-less domains with a known TLD as URLs', () => {
    expect(measure('see example.com/a/long/path/to/somewhere', 'x').length).toBe(4 + 23);
  });

  it('honours a raised limit (X Premium)', () => {
    const text = 'a'.repeat(25_000);
    expect(measure(text, 'x', { maxChars: 25_000 })).toMatchObject({ limit: 25_000, overflowIndex: null });
    expect(measure(`${text}b`, 'x', { maxChars: 25_000 }).overflowIndex).toBe(25_000);
  });

  it('accepts the alias "twitter"', () => {
    expect(measure('hi', 'Twitter')).toMatchObject({ platform: 'x', length: 2 });
  });
});
