import { describe, expect, it } from 'vitest';
import type { LintMessage } from '@postlint/core';
import { lintFixture, type FixtureSettings } from '@postlint/testing';
import aboveTheFold from '../src/above-the-fold.js';

async function lint(source: string, settings: FixtureSettings = {}): Promise<LintMessage[]> {
  const fixture = { name: 'case.md', path: 'case.md', valid: false, source, settings, expectedPath: '' };
  return (await lintFixture(aboveTheFold, fixture)).messages;
}

/** A first sentence of exactly `length` characters, then a short second one. */
const hookOf = (length: number): string => `${'a'.repeat(length - 1)}.`;
const post = (platform: string, body: string): string => `---\nplatform: ${platform}\n---\n${body}\n\nAnd then the rest of the post.\n`;

describe('above-the-fold', () => {
  it('allows a hook that ends exactly at the fold and reports one character more', async () => {
    expect(await lint(post('linkedin', hookOf(210)))).toEqual([]);
    const [message] = await lint(post('linkedin', hookOf(211)));
    expect(message?.message).toContain('ends at character 211, after LinkedIn’s “see more” at about 210');
  });

  it('counts what a reader sees: an emoji or an accented letter is one character', async () => {
    // 124 letters + one family emoji (11 UTF-16 units) + "." = 126 characters on Instagram's 125 fold.
    const hook = `${'é'.repeat(124)}👨‍👩‍👧‍👦.`;
    const [message] = await lint(post('instagram', hook));
    expect(message?.message).toContain('character 126');
    expect(await lint(post('instagram', `${'é'.repeat(123)}👨‍👩‍👧‍👦.`))).toEqual([]);
  });

  it('counts lines of the raw part, blank lines included, with any line ending', async () => {
    expect(await lint('---\nplatform: linkedin\n---\n🎉\n\nHook on line three.\n')).toEqual([]);
    const crlf = await lint('---\r\nplatform: linkedin\r\n---\r\n🎉\r\n\r\n🎉\r\nHook on line four.\r\n');
    expect(crlf.map((m) => m.message)).toEqual([expect.stringContaining('ends on line 4, but LinkedIn shows only 3 lines')]);
  });

  it('checks only platforms with a fold, unless the options give one', async () => {
    const long = post('bluesky', hookOf(250));
    expect(await lint(long)).toEqual([]);
    const [message] = await lint(long, { options: { folds: { bluesky: { chars: 200 } } } });
    expect(message?.message).toContain('after Bluesky’s “see more” at about 200');
  });

  it('names every platform whose fold hides the hook, in the post’s language', async () => {
    const [message] = await lint(`---\nplatform: [instagram, linkedin, mastodon]\nlang: es\n---\n${hookOf(230)}\n`);
    expect(message?.message).toMatch(/^La primera frase termina en el carácter 230, después del «ver más» de Instagram, hacia el 125; también queda oculta en LinkedIn\./u);
  });

  it('looks at the first part of a thread only', async () => {
    expect(await lint(post('linkedin', `Short hook.\n\n---\n\n${hookOf(400)}`))).toEqual([]);
  });

  it('does not end a sentence at the dot of a number or an abbreviation', async () => {
    const hook = `Prices from 3.50 euros, e.g. for ${'x'.repeat(200)}.`;
    const [message] = await lint(post('linkedin', hook));
    expect(message?.message).toContain(`ends at character ${hook.length}`);
  });

  it('underlines the whole first sentence', async () => {
    const [message] = await lint(post('instagram', hookOf(130)));
    expect(message).toMatchObject({ line: 4, column: 1, endLine: 4, endColumn: 131 });
  });

  it('reports nothing for a post with no sentence', async () => {
    expect(await lint('---\nplatform: linkedin\n---\n🎉🎉🎉\n')).toEqual([]);
  });
});
