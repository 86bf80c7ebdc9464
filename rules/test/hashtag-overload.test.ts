import { describe, expect, it } from 'vitest';
import type { LintMessage } from '@postlint/core';
import { lintFixture, type FixtureSettings } from '@postlint/testing';
import hashtagOverload, { distinctHashtags } from '../src/hashtag-overload.js';
import { findHashtags } from '../src/lib/social.js';

async function lint(source: string, settings: FixtureSettings = {}): Promise<LintMessage[]> {
  const fixture = { name: 'case.md', path: 'case.md', valid: false, source, settings, expectedPath: '' };
  return (await lintFixture(hashtagOverload, fixture)).messages;
}

const tags = (text: string, code: readonly (readonly [number, number])[] = []): string[] => findHashtags(text, code).map((t) => t.text);

describe('findHashtags', () => {
  it('finds tags with accents, ñ, digits and underscores', () => {
    expect(tags('Otoño en #Logroño con #café_de_olla y #Navidad2025.')).toEqual(['#Logroño', '#café_de_olla', '#Navidad2025']);
  });

  it('skips numbers, words with # inside, HTML entities, headings and doubled #', () => {
    expect(tags('We are #1 in 2024 (#2024), C# and F# fans, &#38; more\n# Heading\n## Sub\n##double')).toEqual([]);
  });

  it('skips tags inside links and code', () => {
    const text = 'Menu: https://cafe.example.com/menu#drinks www.example.com/#top and `#include` #real';
    const at = text.indexOf('`#include`');
    expect(tags(text, [[at, at + '`#include`'.length]])).toEqual(['#real']);
  });

  it('counts a tag once, whatever its case', () => {
    expect(distinctHashtags(findHashtags('#Coffee #coffee #COFFEE #tea')).map((t) => t.text)).toEqual(['#Coffee', '#tea']);
  });
});

describe('hashtag-overload', () => {
  const body = (n: number): string => `Fresh bread today. ${Array.from({ length: n }, (_, i) => `#tag${String.fromCharCode(97 + i)}`).join(' ')}`;
  const on = (platform: string, n: number): string => `---\nplatform: ${platform}\n---\n${body(n)}\n`;

  it('uses the advised count where a platform has no cap', async () => {
    for (const [platform, max] of [['x', 2], ['linkedin', 5], ['facebook', 3], ['bluesky', 3], ['mastodon', 5], ['tiktok', 5], ['youtube', 15]] as const) {
      expect(await lint(on(platform, max)), platform).toEqual([]);
      const [message] = await lint(on(platform, max + 1));
      expect(message?.messageId, platform).toBe('overAdvice');
    }
  });

  it('uses the registry cap on Instagram and Threads', async () => {
    expect(await lint(on('instagram', 5))).toEqual([]);
    expect((await lint(on('instagram', 6)))[0]?.messageId).toBe('overCap');
    expect((await lint(on('threads', 2)))[0]?.message).toContain('Threads takes at most 1');
  });

  it('checks nothing on platforms with neither a cap nor advice', async () => {
    expect(await lint(on('linkedin-comment', 20))).toEqual([]);
  });

  it('lets the configuration override advice and caps, keeping the defaults of other platforms', async () => {
    const options = { max: { instagram: 30, x: 0 } };
    expect(await lint(on('instagram', 12), { options })).toEqual([]);
    expect((await lint(on('x', 1), { options }))[0]?.messageId).toBe('overConfigured');
    expect((await lint(on('facebook', 4), { options }))[0]?.messageId).toBe('overAdvice');
  });

  it('reports the strictest platform, on the first tag past its limit', async () => {
    const [message, ...rest] = await lint(`---\nplatform: [linkedin, threads]\n---\n${body(3)}\n`);
    expect(rest).toEqual([]);
    expect(message?.message).toMatch(/^This post has 3 hashtags, but Threads takes at most 1\..* from #tagb on\.$/u);
    expect(message).toMatchObject({ line: 4, column: 26, endColumn: 31 });
  });

  it('judges each part of a thread on its own, and names the part', async () => {
    const messages = await lint(`${body(2)}\n\n---\n\n${body(3)}\n\n---\n\n${body(1)}\n`);
    expect(messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Part 2 of 3 has 3 hashtags/u)]);
  });

  it('rejects unknown platforms and negative numbers in options', async () => {
    await expect(lint(on('x', 1), { options: { max: { myspace: 3 } } })).rejects.toThrow(/unknown key 'myspace'/u);
    await expect(lint(on('x', 1), { options: { max: { x: -1 } } })).rejects.toThrow(/max\.x/u);
  });
});
