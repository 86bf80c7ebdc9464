import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigFile, Rule } from '@postlint/core';
import { LEXICON_DIR } from './lib/lexicon.js';

export { findHashtags, findMentions, type SocialToken } from './lib/social.js';
import aboveTheFold from './above-the-fold.js';
import defensiveTone from './defensive-tone.js';
import excessiveSelfPromotion from './excessive-self-promotion.js';
import hashtagOverload from './hashtag-overload.js';
import linkOnly from './link-only.js';
import mentionOverload from './mention-overload.js';
import noQuestionAsked from './no-question-asked.js';
import replyWithoutThanks from './reply-without-thanks.js';
import shouting from './shouting.js';
import threadNumbering from './thread-numbering.js';
import tooLong from './too-long.js';

/** Every rule postlint ships, by id (sorted). */
export const rules: ReadonlyMap<string, Rule> = new Map(
  (
    [
      aboveTheFold,
      defensiveTone,
      excessiveSelfPromotion,
      hashtagOverload,
      linkOnly,
      mentionOverload,
      noQuestionAsked,
      replyWithoutThanks,
      shouting,
      threadNumbering,
      tooLong,
    ] as Rule[]
  ).map((rule) => [rule.meta.id, rule]),
);

const severities = (pick: (rule: Rule) => 'warn' | 'error' | 'off'): NonNullable<ConfigFile['rules']> =>
  Object.fromEntries([...rules.values()].map((rule) => [rule.meta.id, pick(rule)]));

/** Presets for `extends`. recommended: each rule at its recommended severity; strict: every rule on. */
export const presets: Readonly<Record<string, ConfigFile>> = {
  'postlint:recommended': { rules: severities((rule) => rule.meta.recommended || 'off') },
  'postlint:strict': { rules: severities((rule) => rule.meta.recommended || 'warn') },
};

export const DEFAULT_PRESET = 'postlint:recommended';

/**
 * Changes whenever a rule's metadata or a word list changes, so caches of lint results
 * made with other rules are thrown away.
 */
export function rulesFingerprint(): string {
  const hash = createHash('sha1');
  for (const rule of rules.values()) hash.update(JSON.stringify(rule.meta));
  for (const file of readdirSync(LEXICON_DIR).sort()) hash.update(file).update(readFileSync(join(LEXICON_DIR, file)));
  return hash.digest('hex');
}
