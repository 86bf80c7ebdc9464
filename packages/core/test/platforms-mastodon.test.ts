/**
 * Mastodon conformance table, written by hand from the server's rule
 * (`StatusLengthValidator#countable_text`, `Extractor`, `Account::MENTION_RE` and the URL
 * overrides in `config/initializers/twitter_regex.rb`), as described in docs/platforms.md.
 */
import { describe, expect, it } from 'vitest';
import { measure } from '../src/platforms/index.js';
import { countableText } from '../src/platforms/mastodon.js';

const URL = 'x'.repeat(23);

describe('Mastodon: what the server counts', () => {
  it.each([
    ['a URL counts 23, however long', 'https://example.com/a/very/long/path/that/goes/on?and=on', URL],
    ['a short URL counts 23 too', 'http://a.co', URL],
    ['gemini://', 'gemini://example.com/page', URL],
    ['gopher://', 'gopher://example.com/1/menu', URL],
    ['dat://, ipfs://, ssb:// with a domain', 'dat://example.com ipfs://example.com ssb://example.com', `${URL} ${URL} ${URL}`],
    ['the scheme is case-insensitive', 'HTTPS://EXAMPLE.COM/ABC', URL],
    ['a trailing full stop is not part of the URL', 'See https://example.com/page.', `See ${URL}.`],
    ['parentheses around a URL are not part of it', '(https://example.com/page)', `(${URL})`],
    ['balanced parentheses stay in the path', 'https://en.wikipedia.org/wiki/Mastodon_(software) ok', `${URL} ok`],
    ['non-ASCII and emoji in the path stay in the URL', 'https://example.com/café/😀 ok', `${URL} ok`],
    ['a t.co link', 'https://t.co/abc123 ok', `${URL} ok`],
    ['a URL without a scheme counts in full', 'example.com/a/long/path', 'example.com/a/long/path'],
    ['an unknown TLD is not a URL', 'https://example.invalidtld/abc', 'https://example.invalidtld/abc'],
    [
      'a domain label over 63 characters is not a URL',
      `https://${'a'.repeat(64)}.com/x`,
      `https://${'a'.repeat(64)}.com/x`,
    ],
    ['a remote mention counts as @user', 'hi @alice@example.social', 'hi @alice'],
    ['a remote mention with an international domain', '@alice@bücher.example!', '@alice!'],
    ['a local mention counts as typed', 'hi @alice', 'hi @alice'],
    ['dots and dashes in a username', '@first.last-name@example.org', '@first.last-name'],
    ['an e-mail address is not a mention', 'mail bob@example.com', 'mail bob@example.com'],
    ['a mention followed by another "@" is not a mention', '@alice@example.social@more', '@alice@example.social@more'],
    ['a mention inside a URL belongs to the URL', 'https://example.social/@alice@example.social', URL],
    ['a mention after "/" is not a mention', 'see /@alice@example.social', 'see /@alice@example.social'],
    ['mentions and URLs together', '@bob@a.example https://example.com/x @carol', `@bob ${URL} @carol`],
  ])('%s', (_name, text, countable) => {
    expect(countableText(text)).toBe(countable);
    expect(measure(text, 'mastodon').length).toBe([...new Intl.Segmenter().segment(countable)].length);
  });

  it('counts a blank text as nothing', () => {
    expect(countableText(' \n\t ')).toBe('');
    expect(measure(' \n ', 'mastodon', { contentWarning: 'cw' }).length).toBe(2);
  });

  it('counts "नमस्ते" as 3 and CRLF as 1 (grapheme clusters)', () => {
    expect(measure('नमस्ते', 'mastodon').length).toBe(3);
    expect(measure('a\r\nb', 'mastodon').length).toBe(3);
  });
});

describe('Mastodon: content warning and instance limit', () => {
  it('adds the content warning to the length', () => {
    expect(measure('hi', 'mastodon', { contentWarning: 'Spoilers' }).length).toBe(10);
  });

  it('counts the content warning literally (no URL discount)', () => {
    const contentWarning = 'https://example.com/a/long/path/in/a/cw';
    expect(measure('', 'mastodon', { contentWarning }).length).toBe(contentWarning.length);
  });

  it('finds the overflow in the text, after the content warning', () => {
    const measurement = measure('a'.repeat(100), 'mastodon', { contentWarning: 'w'.repeat(450) });
    expect(measurement).toMatchObject({ length: 550, overflowIndex: 50 });
  });

  it('points at the start of the text when the content warning alone is too long', () => {
    const measurement = measure('hi', 'mastodon', { contentWarning: 'w'.repeat(501) });
    expect(measurement).toMatchObject({ length: 503, overflowIndex: 0 });
  });

  it('uses the instance limit from maxChars', () => {
    expect(measure('a'.repeat(1000), 'mastodon', { maxChars: 1000 })).toMatchObject({
      limit: 1000,
      overflowIndex: null,
    });
    expect(measure('a'.repeat(1001), 'mastodon', { maxChars: 1000 }).overflowIndex).toBe(1000);
  });

  it('never splits a URL or a mention', () => {
    const url = 'https://example.com/page';
    expect(measure(`${'a'.repeat(480)} ${url}`, 'mastodon')).toMatchObject({ length: 504, overflowIndex: 481 });
    const mention = '@alice@example.social';
    expect(measure(`${'a'.repeat(495)} ${mention}`, 'mastodon')).toMatchObject({
      length: 502,
      overflowIndex: 496,
    });
  });
});
