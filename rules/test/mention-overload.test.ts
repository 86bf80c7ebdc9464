import { describe, expect, it } from 'vitest';
import type { LintMessage } from '@postlint/core';
import { lintFixture, type FixtureSettings } from '@postlint/testing';
import mentionOverload, { leadingMentions } from '../src/mention-overload.js';
import { findMentions } from '../src/lib/social.js';

async function lint(source: string, settings: FixtureSettings = {}): Promise<LintMessage[]> {
  const fixture = { name: 'case.md', path: 'case.md', valid: false, source, settings, expectedPath: '' };
  return (await lintFixture(mentionOverload, fixture)).messages;
}

const mentions = (text: string): string[] => findMentions(text).map((m) => m.text);
const handles = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `@shop_${from + i}`).join(' ');

describe('findMentions', () => {
  it('keeps a remote handle and a Bluesky handle whole', () => {
    expect(mentions('Thanks @ana@mastodon.social, @x.bsky.social and @tom-draws.bsky.social!')).toEqual([
      '@ana@mastodon.social',
      '@x.bsky.social',
      '@tom-draws.bsky.social',
    ]);
  });

  it('leaves out e-mail addresses, profile links, "tod@s" and the final dot of a sentence', () => {
    expect(mentions('Write to hola@tienda.es or see https://mastodon.social/@tienda, tod@s. Ask @luis.')).toEqual(['@luis']);
  });

  it('counts the mentions a text opens with', () => {
    const text = '@ana, @luis @marta: thanks! Ask @pepe.';
    expect(leadingMentions(text, findMentions(text))).toBe(3);
    const joined = '@ana @luis y @marta, gracias; @pepe and @sol too';
    expect(leadingMentions(joined, findMentions(joined))).toBe(3);
    const none = 'Thanks @ana';
    expect(leadingMentions(none, findMentions(none))).toBe(0);
  });
});

describe('mention-overload', () => {
  it('allows 5 distinct mentions and reports the sixth', async () => {
    expect(await lint(`Thanks ${handles(5)} and @shop_0 again.\n`)).toEqual([]);
    const [message] = await lint(`Thanks ${handles(6)}.\n`);
    expect(message?.message).toMatch(/^This post mentions 6 accounts; more than 5 .* @shop_5 is one too many\.$/u);
    expect(message?.column).toBe(`Thanks ${handles(5)} `.length + 1);
  });

  it('does not count the people a reply answers, unless the post says it is not a reply', async () => {
    const source = `${handles(6)} thanks, all of you! See @market_hall.\n`;
    expect(await lint(source)).toEqual([]);
    expect(await lint(`---\nkind: reply\n---\n${source}`)).toEqual([]);
    expect((await lint(`---\nkind: post\n---\n${source}`))[0]?.message).toContain('mentions 7 accounts');
  });

  it('uses a per-platform number for a post that goes only to that platform', async () => {
    const options = { platforms: { linkedin: 2 } };
    const source = (platform: string): string => `---\nplatform: ${platform}\n---\nWith ${handles(3)}.\n`;
    expect((await lint(source('linkedin'), { options }))[0]?.message).toContain('more than 2');
    expect(await lint(source('x'), { options })).toEqual([]);
    // Going to both: each platform keeps its own number, and the stricter one is reported.
    expect((await lint(source('[x, linkedin]'), { options }))[0]?.message).toContain('more than 2');
    expect(await lint(source('linkedin'), { options: { max: 1, platforms: { linkedin: 3 } } })).toEqual([]);
  });

  it('judges each part of a thread on its own', async () => {
    const messages = await lint(`Part one with ${handles(4)}.\n\n---\n\nPart two with ${handles(6, 10)}.\n`);
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Part 2 of 2 mentions 6 accounts/u)]);
  });

  it('speaks Spanish to a Spanish post', async () => {
    const [message] = await lint(`---\nlang: es\n---\nGracias a ${handles(6)} por venir.\n`);
    expect(message?.message).toMatch(/^La publicación menciona 6 cuentas/u);
  });
});
