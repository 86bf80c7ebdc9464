/**
 * Mastodon: the server's `StatusLengthValidator` counts the grapheme clusters of the content
 * warning followed by the text, where every URL (with a scheme) counts as 23 characters and a
 * remote mention `@user@domain` counts as `@user`. The limit is per instance (500 upstream).
 *
 * Entities are found the way the server finds them: twitter-text's URL extractor with the
 * overrides in Mastodon's `config/initializers/twitter_regex.rb` (more schemes, looser path
 * and query characters), plus Mastodon's own mention pattern (`Account::MENTION_RE`).
 */
import { domainToASCII } from 'node:url';
import twitter from 'twitter-text';
import { clusters, graphemeLength, tally, type Tally, type Unit } from './count.js';

/** What a URL costs (`characters_reserved_per_url`). */
export const MASTODON_URL_LENGTH = 23;

const { validUrlPrecedingChars, validDomain, validPortNumber, validTcoUrl, validUrlBalancedParens, endMentionMatch } =
  twitter.regexen;

/**
 * First half of the URL pattern: a preceding character, an optional scheme, a domain with a
 * known TLD and an optional port. twitter-text's pieces are not valid in Unicode (`u`) mode, so
 * this half runs without it and the path and query are matched by {@link URL_TAIL}. Splitting
 * is safe because everything after the domain is optional and greedy, so the regex engine never
 * shortens the domain to make the rest match.
 */
const URL_HEAD = new RegExp(
  `(?<before>${validUrlPrecedingChars.source})(?<url>(?:(?<scheme>https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)?` +
    `(?<domain>${validDomain.source})(?::${validPortNumber.source})?)`,
  'gi',
);

// Mastodon's path characters: anything but white space, <, >, (, ) and ?.
const PATH_CHAR = String.raw`[^\p{White_Space}<>()?]`;
// Mastodon's balanced parentheses (one nested level) built on its own path characters.
const PARENS = String.raw`\((?:${PATH_CHAR}+|${PATH_CHAR}*\(${PATH_CHAR}+\)${PATH_CHAR}*)\)`;
// A path may not end on punctuation, except a parenthesised part. Mastodon's override refers to
// the balanced-parentheses pattern before redefining it, so this one is twitter-text's own.
const PATH_END = String.raw`(?:[^\p{White_Space}()?!*"'「」<>;:=,.$%\[\]~&|@]|${validUrlBalancedParens.source})`;
const PATH = String.raw`(?:${PATH_CHAR}*(?:${PARENS}${PATH_CHAR}*)*${PATH_END}|${PATH_CHAR}+/)`;
const UCHARS = String.raw`\u{A0}-\u{D7FF}\u{F900}-\u{FDCF}\u{FDF0}-\u{FFEF}\u{10000}-\u{1FFFD}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}\u{40000}-\u{4FFFD}\u{50000}-\u{5FFFD}\u{60000}-\u{6FFFD}\u{70000}-\u{7FFFD}\u{80000}-\u{8FFFD}\u{90000}-\u{9FFFD}\u{A0000}-\u{AFFFD}\u{B0000}-\u{BFFFD}\u{C0000}-\u{CFFFD}\u{D0000}-\u{DFFFD}\u{E1000}-\u{EFFFD}\u{E000}-\u{F8FF}\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}`;
const QUERY = String.raw`\?[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@\^${UCHARS}]*[a-z0-9_&=#/\-${UCHARS}]`;

/** Second half of the URL pattern: optional path, then optional query, right after the head. */
const URL_TAIL = new RegExp(`(?:/${PATH}*)?(?:${QUERY})?`, 'iuy');

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_DOMAIN_LABEL_LENGTH = 63;
const MAX_MENTION_DOMAIN_LENGTH = 253;

// Ruby's [[:word:]]: letters, marks, decimal digits and connector punctuation.
const WORD = String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}]`;
/** `Account::MENTION_RE`: `@user` or `@user@domain`, not after "=", "/" or a word character. */
const MENTION = new RegExp(
  String.raw`(?<![=/]|${WORD})@(?<user>[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@(?<domain>${WORD}+(?:[.-]+${WORD}+)*))?`,
  'giu',
);
/** A mention followed by another "@", a Latin accent or "://" is not a mention. */
const MENTION_END = new RegExp(endMentionMatch.source.replace(/^\^/, ''), `${endMentionMatch.flags}y`);

/** A span of the text that Mastodon counts as a fixed replacement. */
export interface MastodonEntity {
  readonly start: number;
  readonly end: number;
  /** What the span counts as: 23 characters for a URL, `@user` for a mention. */
  readonly replacement: string;
}

/** URLs with a scheme, as Mastodon's server extracts them (`extract_url_without_protocol: false`). */
function extractUrls(text: string): MastodonEntity[] {
  const urls: MastodonEntity[] = [];
  if (!text.includes(':')) return urls;
  URL_HEAD.lastIndex = 0;
  for (let head = URL_HEAD.exec(text); head; head = URL_HEAD.exec(text)) {
    const { before = '', url: headText = '', scheme, domain = '' } = head.groups ?? {};
    const start = head.index + before.length;
    URL_TAIL.lastIndex = start + headText.length;
    const tail = URL_TAIL.exec(text)?.[0] ?? '';
    let end = start + headText.length + tail.length;
    // Continue after the whole match, also when it is skipped below (as Ruby's `scan` does).
    URL_HEAD.lastIndex = Math.max(end, URL_HEAD.lastIndex);
    if (scheme === undefined) continue;
    let url = text.slice(start, end);
    // t.co links may not carry extra path characters; overlong slugs are not links at all.
    const tco = validTcoUrl.exec(url);
    if (tco) {
      if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
      end = start + url.length;
    }
    if (!isValidDomain(url.length, domain)) continue;
    urls.push({ start, end, replacement: 'x'.repeat(MASTODON_URL_LENGTH) });
  }
  return urls;
}

/** twitter-text's domain check: every label converts to ASCII (1–63 chars) and the URL stays short enough. */
function isValidDomain(urlLength: number, domain: string): boolean {
  const ascii = domainToASCII(domain);
  if (ascii === '') return false;
  if (ascii.split('.').some((label) => label.length === 0 || label.length > MAX_DOMAIN_LABEL_LENGTH)) return false;
  return urlLength + Math.max(0, ascii.length - domain.length) <= MAX_URL_LENGTH;
}

/** Mentions as Mastodon's `Extractor.extract_mentions_or_lists_with_indices` finds them. */
function extractMentions(text: string): MastodonEntity[] {
  const mentions: MastodonEntity[] = [];
  if (!text.includes('@')) return mentions;
  for (const match of text.matchAll(MENTION)) {
    const end = match.index + match[0].length;
    MENTION_END.lastIndex = end;
    if (MENTION_END.test(text)) continue;
    const { user = '', domain } = match.groups ?? {};
    if (domain !== undefined && Array.from(domain).length > MAX_MENTION_DOMAIN_LENGTH) continue;
    mentions.push({ start: match.index, end, replacement: `@${user}` });
  }
  return mentions;
}

/** URLs and mentions, in order, dropping any that overlaps an earlier one (a mention inside a URL). */
export function mastodonEntities(text: string): MastodonEntity[] {
  const all = [...extractUrls(text), ...extractMentions(text)].sort((a, b) => a.start - b.start);
  const kept: MastodonEntity[] = [];
  for (const entity of all) {
    const previous = kept.at(-1);
    if (previous === undefined || previous.end <= entity.start) kept.push(entity);
  }
  return kept;
}

/** Rails' `blank?`: empty or only white space. Mastodon counts a blank text as nothing. */
function isBlank(text: string): boolean {
  return /^\p{White_Space}*$/u.test(text);
}

function rewrite(text: string, entities: readonly MastodonEntity[]): string {
  let result = '';
  let last = 0;
  for (const entity of entities) {
    result += text.slice(last, entity.start) + entity.replacement;
    last = entity.end;
  }
  return result + text.slice(last);
}

/** The text Mastodon counts: URLs and remote mentions replaced; nothing at all for blank text. */
export function countableText(text: string): string {
  return isBlank(text) ? '' : rewrite(text, mastodonEntities(text));
}

/** Length of a Mastodon post: graphemes of the content warning plus the countable text. */
export function countMastodon(text: string, limit: number, contentWarning = ''): Tally {
  const entities = isBlank(text) ? null : mastodonEntities(text);
  const units = entities ? [...mastodonUnits(text, entities)] : [];
  // This is the server's count. Adding the pieces one by one can differ from it by a cluster
  // that spans a piece boundary (a combining mark right after a URL), so the difference, if
  // any, is put before the first piece, together with the content warning.
  const length = graphemeLength(contentWarning + (entities ? rewrite(text, entities) : ''));
  const piecesLength = units.reduce((sum, unit) => sum + unit.cost, 0);
  return tally(units, limit, Infinity, length - piecesLength);
}

function* mastodonUnits(text: string, entities: readonly MastodonEntity[]): Generator<Unit> {
  let last = 0;
  for (const entity of entities) {
    for (const cluster of clusters(text, last, entity.start)) yield { start: cluster.start, cost: 1 };
    yield { start: entity.start, cost: graphemeLength(entity.replacement) };
    last = entity.end;
  }
  for (const cluster of clusters(text, last)) yield { start: cluster.start, cost: 1 };
}
