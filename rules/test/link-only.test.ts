import { describe, expect, it } from 'vitest';
import type { LintMessage } from '@postlint/core';
import { lintFixture, type FixtureSettings } from '@postlint/testing';
import linkOnly from '../src/link-only.js';

async function lint(source: string, settings: FixtureSettings = {}): Promise<LintMessage[]> {
  const fixture = { name: 'case.md', path: 'case.md', valid: false, source, settings, expectedPath: '' };
  return (await lintFixture(linkOnly, fixture)).messages;
}

const en = (text: string): string => `---\nlang: en\n---\n${text}\n`;
const ids = async (source: string, settings?: FixtureSettings): Promise<string[]> => (await lint(source, settings)).map((m) => m.messageId ?? '');

describe('link-only', () => {
  it('finds links with a scheme, with www., as bare domains, in Markdown and in angle brackets', async () => {
    for (const link of ['https://shop.example.com/a', 'www.example.com', 'tienda.es/pedidos', '[https://x.example.com](https://x.example.com)', '<https://example.org>']) {
      expect(await ids(en(link)), link).toEqual(['linkOnly']);
    }
    expect(await ids(en('[here](https://x.example.com)'))).toEqual(['fewWords']);
  });

  it('reports on the link', async () => {
    const [message] = await lint(en('#sale 👉 https://shop.example.com/sale'));
    expect(message).toMatchObject({ line: 4, column: 10, endColumn: 39 });
    expect(message?.message).toContain('only a link plus hashtags and emoji');
  });

  it('needs three words besides links, tags, mentions and filler labels', async () => {
    expect(await ids(en('Read this: https://example.com/a #bread @oaklane'))).toEqual(['fewWords']);
    expect(await ids(en('Easter hours https://example.com/a'))).toEqual(['fewWords']);
    expect(await ids(en('Our Easter hours https://example.com/a'))).toEqual([]);
    expect(await ids(en('Easter hours https://example.com/a'), { options: { minWords: 2 } })).toEqual([]);
  });

  it('quotes the label it found, fillers included', async () => {
    const [message] = await lint(en('New post: bread tips https://example.com/a'));
    expect(message?.message).toContain('only “New post bread tips” around it');
  });

  it('takes more fillers from the options', async () => {
    expect(await ids(en('Our latest recipe: https://example.com/a'))).toEqual([]);
    expect(await ids(en('Our latest recipe: https://example.com/a'), { options: { extraFillers: ['our latest recipe'] } })).toEqual(['fewWords']);
  });

  it('is not about posts without a link: e-mail addresses and images are not links', async () => {
    expect(await lint(en('hello@shop.example.com'))).toEqual([]);
    expect(await lint(en('![Shop front](https://cdn.example.com/front.jpg)'))).toEqual([]);
    expect(await lint(en('🎉🎉'))).toEqual([]);
  });

  it('looks at the first part of a thread only', async () => {
    expect(await lint(en('We tested six bread bags for a week.\n\n---\n\nhttps://example.com/test'))).toEqual([]);
    expect((await lint(en('https://example.com/test\n\n---\n\nWe tested six bread bags for a week.')))[0]?.message).toMatch(/^The first part of this thread/u);
  });
});
