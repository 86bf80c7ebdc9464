/**
 * Bluesky: the post record allows 300 grapheme clusters and 3,000 UTF-8 bytes of text
 * (lexicon `app.bsky.feed.post`). Before posting, the official app replaces each `http(s)://`
 * link it detects with a short label, and both the composer counter and the stored text use
 * that label. This module reproduces that behaviour from its description in docs/platforms.md.
 */
import { clusters, graphemeLength, tally, utf8Length, type Tally, type Unit } from './count.js';

/**
 * Candidate links, found the way the app's link detection finds them: a run of non-space
 * characters that starts the text or follows whitespace or "(", and begins with `http://`,
 * `https://` or a dotted name (`example.com`). Matching is case-insensitive, but only runs
 * that begin with a lower-case "http" become shortened links; dotted names are linked
 * without a scheme, so the app leaves their text alone, and the match only keeps the
 * scanner from finding a link inside them.
 */
const CANDIDATE = /(?<=^|[\s(])(?:https?:\/\/\S|[a-z][a-z0-9]*(?:\.[a-z0-9]+)+)\S*/gim;

/** Characters dropped from the end of a link: one of them, then an unbalanced ")". */
const TRAILING_PUNCTUATION = /[.,;:!?]$/;

/** Paths (with query and fragment) longer than this are cut. */
const MAX_PATH = 15;
/** How much of a long path is kept before the "...". */
const KEPT_PATH = 13;

/** A link the app will rewrite: [start, end) in the text, and what replaces it. */
export interface ShortenedLink {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** The label the app shows instead of `url`: host, then the path cut at 13 characters plus "...". */
export function shortLinkLabel(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
  // `host` is lower-case, punycode for international names, and keeps a non-default port.
  const path = (parsed.pathname === '/' ? '' : parsed.pathname) + parsed.search + parsed.hash;
  return parsed.host + (path.length > MAX_PATH ? `${path.slice(0, KEPT_PATH)}...` : path);
}

/** Links in `text` that the app shortens before posting, in order. */
export function findShortenedLinks(text: string): ShortenedLink[] {
  const links: ShortenedLink[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    let url = match[0];
    if (!url.startsWith('http')) continue;
    if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
    if (url.endsWith(')') && !url.includes('(')) url = url.slice(0, -1);
    const label = shortLinkLabel(url);
    if (label !== url) links.push({ start: match.index, end: match.index + url.length, label });
  }
  return links;
}

/** `text` as the app posts it, with every link replaced by its label. */
export function shortenLinks(text: string): string {
  let result = '';
  let last = 0;
  for (const link of findShortenedLinks(text)) {
    result += text.slice(last, link.start) + link.label;
    last = link.end;
  }
  return result + text.slice(last);
}

/** Length of `text` on Bluesky in graphemes and bytes, after link shortening. */
export function countBluesky(text: string, limit: number, byteLimit: number): Tally {
  return tally(blueskyUnits(text), limit, byteLimit);
}

/** Grapheme clusters of the text, except that each shortened link is one unit costing its label. */
function* blueskyUnits(text: string): Generator<Unit> {
  let last = 0;
  for (const link of findShortenedLinks(text)) {
    yield* plainUnits(text, last, link.start);
    yield { start: link.start, cost: graphemeLength(link.label), bytes: utf8Length(link.label) };
    last = link.end;
  }
  yield* plainUnits(text, last, text.length);
}

function* plainUnits(text: string, from: number, to: number): Generator<Unit> {
  for (const cluster of clusters(text, from, to)) {
    yield { start: cluster.start, cost: 1, bytes: utf8Length(cluster.text) };
  }
}
