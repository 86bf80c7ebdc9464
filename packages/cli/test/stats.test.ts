import { describe, expect, it } from 'vitest';
import { parsePost, type Post } from '@postlint/core';
import { collectStats, statsTable, type PostStats } from '../src/stats.js';
import { stringWidth } from '../src/formatters/stylish.js';

const parse = (source: string, path = 'drafts/post.md'): Post => parsePost(source, path, { platforms: ['x'], language: { default: 'en', detect: ['es', 'en'] } });

const THREAD_ES = [
  '---',
  'platform: threads',
  '---',
  'Mañana abrimos la tienda nueva en la calle Mayor, con café para todo el que se acerque. ¿Venís? #tienda #Madrid #TIENDA @ana_g @ana@mastodon.social https://example.com/abrimos#mapa',
  '',
  '---',
  '',
  'Y el sábado, taller de encuadernación para niños y mayores.',
  '',
].join('\n');

const OVER_X = `${'Fresh bread every morning, come and see what you like best today. '.repeat(5)}What would you pick?`;

function only<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe('collectStats', () => {
  it('lists the post’s own platforms first, then X, Bluesky, Mastodon, LinkedIn and Instagram, once each', () => {
    const post = parse('---\nplatform: [linkedin, twitter]\n---\nHello there.\n');
    const stats = only(collectStats([post]));
    expect(only(stats.parts).platforms.map((p) => p.platform)).toEqual(['linkedin', 'x', 'bluesky', 'mastodon', 'instagram']);
    expect(stats.platforms).toEqual(['linkedin', 'twitter']);
  });

  it('measures each part the way each platform counts it, with what is left', () => {
    const [first, second] = only(collectStats([parse(THREAD_ES)])).parts;
    const byId = (part: PostStats['parts'][number] | undefined, id: string) => part?.platforms.find((p) => p.platform === id);
    const text = THREAD_ES.split('\n')[3]!;
    const url = 'https://example.com/abrimos#mapa';
    // X and Mastodon count a URL as 23; Mastodon counts @user@host as @user.
    expect(byId(first, 'x')?.length).toBe(text.length - url.length + 23);
    expect(byId(first, 'mastodon')?.length).toBe(text.length - url.length + 23 - '@mastodon.social'.length);
    expect(byId(first, 'threads')).toMatchObject({ limit: 500, approximate: true, unit: 'graphemes' });
    const x = byId(second, 'x')!;
    expect(x.remaining).toBe(280 - x.length);
  });

  it('counts distinct hashtags and mentions outside links, words and reading time', () => {
    const [first, second] = only(collectStats([parse(THREAD_ES)])).parts;
    // #tienda and #TIENDA are one tag; #mapa is part of the link.
    expect(first?.hashtags).toBe(2);
    expect(first?.mentions).toBe(2);
    expect(second).toMatchObject({ part: 2, hashtags: 0, mentions: 0, words: 10 });
    // 10 words at 200 a minute = 3 seconds.
    expect(second?.readingSeconds).toBe(3);
    expect(first?.readingSeconds).toBe(Math.ceil((first!.words * 60) / 200));
  });

  it('gives a negative remaining count when a part is over', () => {
    const x = only(collectStats([parse(OVER_X)])).parts[0]?.platforms.find((p) => p.platform === 'x');
    expect(x?.length).toBeGreaterThan(280);
    expect(x?.remaining).toBe(280 - x!.length);
    expect(x!.remaining).toBeLessThan(0);
  });

  it('reports the detected language', () => {
    const [es, en] = collectStats([parse(THREAD_ES), parse('Rainy Sunday? Tell us which bread you would bake at home today.\n')]);
    expect(es?.lang).toBe('es');
    expect(en?.lang).toBe('en');
  });
});

describe('statsTable', () => {
  it('prints one row per part and platform, aligned in columns, with English headers', () => {
    const out = statsTable([parse(THREAD_ES, 'drafts/tienda-ñ.md'), parse(OVER_X, 'drafts/bread.md')], { format: 'text', lang: 'en' });
    const lines = out.trimEnd().split('\n');
    const header = lines[0]!;
    expect(header.split(/\s{2,}/u)).toEqual(['File', 'Part', 'Platform', 'Length', 'Limit', 'Left', 'Hashtags', 'Mentions', 'Lang', 'Reading']);
    // 2 parts × 6 platforms (threads + the five) + 1 part × 5 platforms.
    const rows = lines.slice(1).filter((l) => l.startsWith('drafts/'));
    expect(rows).toHaveLength(17);
    // Columns line up: every row's "Lang" cell starts where the header's does (in terminal cells).
    const langAt = stringWidth(header.slice(0, header.indexOf('Lang')));
    for (const row of rows) {
      const cells = row.split(/\s{2,}/u);
      const lang = cells[cells.length - 2]!;
      const at = row.lastIndexOf(`  ${lang}  `) + 2;
      expect(stringWidth(row.slice(0, at))).toBe(langAt);
    }
    expect(rows.find((r) => r.includes('bread.md') && / X /u.test(r))).toMatch(/-\d+\s+0\s+0\s+en\s+\d+ s$/u);
    expect(out.endsWith('\n')).toBe(true);
  });

  it('marks approximate counts and bytes, with a legend', () => {
    const out = statsTable([parse('---\nplatform: youtube\n---\nCómo cambiar la cadena de la bici.\n')], { format: 'text', lang: 'en' });
    expect(out).toMatch(/YouTube description\s+\d+ B\s+5000 B/u);
    expect(out).toMatch(/LinkedIn\s+~\d+/u);
    expect(out).toContain('~ approximate');
    expect(out).toContain('B = UTF-8 bytes');
  });

  it('speaks Spanish when asked, and English for any other language', () => {
    const es = statsTable([parse('Hola.\n')], { format: 'text', lang: 'es' });
    expect(es.split('\n')[0]).toMatch(/^Archivo\s+Parte\s+Red\s+Longitud\s+Límite\s+Quedan\s+Hashtags\s+Menciones\s+Idioma\s+Lectura$/u);
    expect(statsTable([parse('Hola.\n')], { format: 'text', lang: 'fr' }).split('\n')[0]).toMatch(/^File\s+Part/u);
  });

  it('shows long reading times in minutes', () => {
    const long = parse(`${'word '.repeat(450)}\n`);
    expect(statsTable([long], { format: 'text', lang: 'en' })).toMatch(/2 min 15 s$/mu);
    expect(statsTable([parse(`${'word '.repeat(400)}\n`)], { format: 'text', lang: 'en' })).toMatch(/2 min$/mu);
  });

  it('keeps control characters of a file name out of the table', () => {
    const out = statsTable([parse('Hi.\n', 'drafts/a\nb.md')], { format: 'text', lang: 'en' });
    expect(out.split('\n').filter((l) => l.startsWith('drafts/a b.md'))).toHaveLength(5);
  });

  it('prints only the header for no posts', () => {
    expect(statsTable([], { format: 'text', lang: 'en' }).trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(statsTable([], { format: 'json', lang: 'en' }))).toEqual([]);
  });

  it('prints JSON with the same numbers', () => {
    const posts = [parse(THREAD_ES), parse(OVER_X)];
    const json = JSON.parse(statsTable(posts, { format: 'json', lang: 'es' })) as PostStats[];
    expect(json).toEqual(collectStats(posts));
    expect(json[0]).toMatchObject({ file: 'drafts/post.md', lang: 'es', platforms: ['threads'] });
    expect(json[0]?.parts[0]?.platforms[0]).toEqual(
      expect.objectContaining({ platform: 'threads', name: 'Threads', limit: 500, unit: 'graphemes', approximate: true }),
    );
  });
});
