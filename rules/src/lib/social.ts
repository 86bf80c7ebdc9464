/** #hashtags and @mentions, shared by the rules that count them and by `postlint stats`. */
import type { Range } from '@postlint/core';
import { maskLinksAndCode } from './text.js';

/**
 * A hashtag: `#` not glued to a word, an entity (`&#38;`) or another `#`, then letters,
 * digits, marks or `_`, with at least one letter (`#1`, `#2024` are numbers, not tags).
 * Markdown headings (`# Title`) have a space after the `#`, so they never match.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#/\\])#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;

/**
 * An @mention: `@` not glued to a word, a dot, a slash or another `@` (so `ana@example.com`
 * is an address, not a mention), then a handle whose inner dots and hyphens are kept
 * (`@ana.bsky.social`), then an optional `@host` (`@ana@mastodon.social`, one mention).
 * A dot at the end of a sentence is not part of the handle.
 */
const MENTION = /(?<![\p{L}\p{M}\p{N}_.@/+-])@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu;

/** A hashtag or mention found in a text. */
export interface SocialToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Case-folded: `#Madrid` and `#madrid`, `@Ana` and `@ana` are one tag or account. */
  readonly key: string;
}

function find(text: string, code: readonly Range[], re: RegExp): SocialToken[] {
  return [...maskLinksAndCode(text, code).matchAll(re)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    key: m[0].normalize('NFC').toLowerCase(),
  }));
}

/** Every hashtag of a text, in order, outside web addresses and code. */
export function findHashtags(text: string, code: readonly Range[] = []): SocialToken[] {
  return find(text, code, HASHTAG);
}

/** Every @mention of a text, in order, outside web addresses and code. */
export function findMentions(text: string, code: readonly Range[] = []): SocialToken[] {
  return find(text, code, MENTION);
}
