/**
 * Bluesky conformance table, written by hand from the behaviour of the official app
 * (social-app `shortenLinks` / `toShortUrl`, atproto `detectFacets`) and the post lexicon
 * (300 graphemes, 3,000 UTF-8 bytes), as described in docs/platforms.md.
 */
import { describe, expect, it } from 'vitest';
import { shortenLinks } from '../src/platforms/bluesky.js';
import { measure } from '../src/platforms/index.js';

const LONG = 'https://example.com/abcdefghijklmnopqrstuvwxyz';

describe('Bluesky: links are counted as the app shortens them', () => {
  it.each([
    ['host only', 'https://example.com', 'example.com'],
    ['a root path is dropped', 'https://example.com/', 'example.com'],
    ['http works too', 'http://example.com/abc', 'example.com/abc'],
    ['a path of exactly 15 characters is kept', 'https://example.com/abcdefghijklmn', 'example.com/abcdefghijklmn'],
    ['a 16-character path keeps 13 and adds "..."', 'https://example.com/abcdefghijklmno', 'example.com/abcdefghijkl...'],
    ['query and fragment belong to the path', 'https://example.com/?q=1#top', 'example.com?q=1#top'],
    ['long query', 'https://example.com/search?q=bluesky+length', 'example.com/search?q=blu...'],
    ['the host is lower-cased', 'https://Example.COM/Page', 'example.com/Page'],
    ['a non-default port is kept', 'http://example.com:8080/a', 'example.com:8080/a'],
    ['a default port is dropped', 'https://example.com:443/a', 'example.com/a'],
    ['user info is dropped', 'https://user:pass@example.com/a', 'example.com/a'],
    ['an international host becomes punycode', 'https://bücher.example/abc', 'xn--bcher-kva.example/abc'],
    ['a lower-case "http" then any case', 'httpS://example.com/a', 'example.com/a'],
    ['one trailing punctuation mark is left out', `${LONG}.`, 'example.com/abcdefghijkl....'],
    ['only one mark is left out', 'https://example.com/abc!!', 'example.com/abc!!'],
    ['an unbalanced ")" is left out', `(see ${LONG})`, '(see example.com/abcdefghijkl...)'],
    ['"." then ")" are both left out', `(see ${LONG}).`, '(see example.com/abcdefghijkl...).'],
    [
      'a balanced ")" stays in the link',
      'https://en.wikipedia.org/wiki/Bluesky_(social_network)',
      'en.wikipedia.org/wiki/Bluesky...',
    ],
    ['several links', `${LONG} and ${LONG}`, 'example.com/abcdefghijkl... and example.com/abcdefghijkl...'],
    ['a link at the start of a line', `first\n${LONG}`, 'first\nexample.com/abcdefghijkl...'],
  ])('%s', (_name, text, posted) => {
    expect(shortenLinks(text)).toBe(posted);
    expect(measure(text, 'bluesky').length).toBe([...new Intl.Segmenter().segment(posted)].length);
  });

  it.each([
    ['an upper-case scheme is not linked', 'HTTPS://EXAMPLE.COM/abcdefghijklmnopqrstuvwxyz'],
    ['a scheme-less link keeps its text', 'example.com/abcdefghijklmnopqrstuvwxyz'],
    ['a "www." link keeps its text', 'www.example.com/abcdefghijklmnopqrstuvwxyz'],
    ['a link glued to a word is not detected', `see:${LONG}`],
    ['a URL inside a scheme-less link is not detected', `example.com/go?to=${LONG}`],
    ['a scheme with nothing after it', 'https:// nothing'],
    ['mentions count in full', '@alice.bsky.social'],
  ])('%s', (_name, text) => {
    expect(shortenLinks(text)).toBe(text);
    expect(measure(text, 'bluesky').length).toBe(text.length);
  });

  it('counts the shortened link in the byte total too', () => {
    const measurement = measure(`Read ${LONG}`, 'bluesky');
    expect(measurement).toMatchObject({ length: 32, bytes: 32, byteLimit: 3000 });
  });

  it('never splits a link: the whole label overflows', () => {
    const text = `${'a'.repeat(290)} ${LONG}`;
    expect(measure(text, 'bluesky')).toMatchObject({ length: 291 + 27, overflowIndex: 291 });
  });
});

describe('Bluesky: graphemes and bytes', () => {
  it('counts "नमस्ते" as 3 graphemes (Unicode 15.1 rules) and 18 bytes', () => {
    expect(measure('नमस्ते', 'bluesky')).toMatchObject({ length: 3, bytes: 18 });
  });

  it('counts CRLF as one grapheme', () => {
    expect(measure('a\r\nb', 'bluesky')).toMatchObject({ length: 3, bytes: 4 });
  });

  it('counts a ZWJ family as one grapheme of 25 bytes', () => {
    expect(measure('👨‍👩‍👧‍👦', 'bluesky')).toMatchObject({ length: 1, bytes: 25 });
  });

  it('rejects 121 family emoji: 121 graphemes but 3,025 bytes', () => {
    const family = '👨‍👩‍👧‍👦';
    const measurement = measure(family.repeat(121), 'bluesky');
    expect(measurement).toMatchObject({ length: 121, bytes: 3025, limit: 300, byteLimit: 3000 });
    // 120 families are exactly 3,000 bytes; the 121st does not fit.
    expect(measurement.overflowIndex).toBe(120 * family.length);
    expect(measure(family.repeat(120), 'bluesky')).toMatchObject({ bytes: 3000, overflowIndex: null });
  });

  it('checks graphemes and bytes separately: 300 two-byte letters fit', () => {
    expect(measure('é'.repeat(300), 'bluesky')).toMatchObject({ length: 300, bytes: 600, overflowIndex: null });
    expect(measure('é'.repeat(301), 'bluesky').overflowIndex).toBe(300);
  });

  it('lets maxChars change the grapheme limit but not the byte limit', () => {
    const measurement = measure('a'.repeat(400), 'bluesky', { maxChars: 1000 });
    expect(measurement).toMatchObject({ limit: 1000, byteLimit: 3000, overflowIndex: null });
  });
});
