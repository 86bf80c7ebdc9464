import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { describe, expect, it } from 'vitest';
import { parsePlainMarkdown } from '../src/plain-markdown.js';
import { rng } from './random.js';

// The shortcut must build exactly the tree remark-parse builds, or step aside (null).
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function check(source: string): boolean {
  const fast = parsePlainMarkdown(source);
  if (fast === null) return false;
  expect(fast, JSON.stringify(source)).toEqual(remark.parse(source));
  return true;
}

const repo = join(import.meta.dirname, '../../..');
const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));

describe('parsePlainMarkdown', () => {
  it('builds the same tree as remark-parse for every draft and fixture it accepts', () => {
    const files = ['fixtures/drafts', 'fixtures/rules', 'fixtures/eval'].flatMap((d) => markdownFiles(join(repo, d)));
    const accepted = files.filter((f) => check(readFileSync(f, 'utf8')));
    // It must actually take the shortcut for ordinary drafts, or it is dead weight.
    expect(accepted.length).toBeGreaterThan(files.length / 4);
  });

  // Random documents built from pieces that sit on the edge of Markdown syntax.
  const pieces = [
    'Hola', 'mundo', ' ', ' ', '\n', '\n', '\n\n', '#', '#tag', '# ', '## ', '####### ', '-', '- ', '--', '---', '+', '+ ', '=', '==',
    '1.', '1. ', '2)', '12345678901.', '>', '~', '~~~', '|', ':', '!', '?', '¿', '¡', 'é', 'e\u0301', '👍🏽', '🇪🇸', '漢', '@ana', 'https://x.com/a?b=1',
    '\u00a0', '\u2028', '(', ')', '"', "'", '$', '%', '^', '{', '}', '\f', '\v', '    ', 'tags: [a]', '---\n', '\n---\n', '\n---', '\n\n---\n\n',
    '_', 'a_b', '@ana_g', '_x', 'x_', '__', '&', ' & ', '&amp;', '&copy', '&#233;', '&x;', 'AT&T', '---\n---',
    '> ', '\n> ', '\n\n> ', '> > ', '>> ', '> Hola', '\n> mundo\n\n',
    '- ', '\n- ', '\n\n- ', '1. ', '\n1. ', '\n\n3. ', '01. ', '- - ', '\n\n- uno\n- dos\n\n', '\n\n1. uno\n2. dos\n',
  ];
  const random = rng(7);
  const documents = Array.from({ length: 3000 }, () => Array.from({ length: 1 + random(30) }, () => pieces[random(pieces.length)]).join(''));
  documents.push('', '\n', '---\n---\n', '---\na: 1\n---', '---\n---\nHola\n', '---\nno close\n', 'a\n---\nb', '---\nplatform: x\n---\n\n\nHola\n\n');

  it('builds the same tree as remark-parse for random edge-of-syntax documents it accepts', () => {
    const accepted = documents.filter(check);
    expect(accepted.length).toBeGreaterThan(100);
  });

  it.each([
    ['a reply quoting the comment', '> Fatal lo del ramo marchito.\n\n@carlos Lo sentimos mucho. ¿Nos escribes?\n'],
    ['a quote of two lines after frontmatter', '---\nkind: reply\n---\n> The cake was dry.\n> And late.\n\nSorry, Ana. We will fix it.'],
    ['a quote between paragraphs, at the end', 'Hola.\n\n> dijo ella\n\nY luego.\n\n> fin'],
    ['a list after a paragraph', 'Tres lecciones:\n\n- Escucha.\n- Pregunta.\n- Agradece.\n'],
    ['a draft saved with CRLF line endings', '---\r\nplatform: x\r\nlang: es\r\n---\r\nHola\r\nadiós\r\n\r\n> cita\r\n> dos\r\n\r\n- uno\r\n- dos\r\n\r\n---\r\n\r\nFin\r\n'],
    ['mixed line endings', 'uno\r\ndos\nTres\r\n\n> a\n> b\r\n'],
    ['a numbered list that starts at 3', 'Sigue:\n\n3. tres\n4. cuatro\n\nFin.'],
  ])('builds %s itself', (_name, source) => {
    expect(check(source)).toBe(true);
  });

  it.each([
    ['a quote inside a paragraph', 'Hola\n> dijo'],
    ['a lazy continuation line', '> dijo\nella'],
    ['a nested quote', '> > dijo'],
    ['a list in a quote', '> - uno'],
    ['a loose list', '- uno\n\n- dos'],
    ['a list followed by another after a blank line', '- uno\n\n1. dos'],
    ['a list item with a second line', '- uno\n  sigue'],
    ['a list that interrupts a paragraph', 'Hola\n- uno'],
    ['a list with two kinds of marker', '- uno\n1. dos'],
    ['a list with a ) delimiter', '1) uno'],
    ['an empty quote line', '> a\n>\n> b'],
    ['emphasis', '*hola*'],
    ['a heading', '# Hola'],
    ['a hard break', 'hola  \nadiós'],
    ['a lone CR line ending', 'hola\radiós'],
    ['an HTML comment', '<!-- nota -->\nHola'],
    ['an entity', 'caf&eacute;'],
    ['a setext underline', 'Hola\n==='],
    ['indented text', '    code'],
    ['a frontmatter without its closing fence', '---\nplatform: x\nHola'],
    ['underscore emphasis', 'hola _amigos_'],
    ['a character reference', 'caf&eacute; &#233;'],
    ['a setext heading made by ---', 'Hola\n---'],
  ])('leaves %s to remark-parse', (_name, source) => {
    expect(parsePlainMarkdown(source)).toBeNull();
  });
});
