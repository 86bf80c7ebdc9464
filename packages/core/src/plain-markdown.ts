/**
 * The mdast tree of a Markdown file that uses no Markdown syntax at all: optional `---` YAML
 * frontmatter, then paragraphs of plain lines, `> ` quotes of plain lines (a reply quoting the
 * comment it answers), lists of one-line items (`- ` or `1. `), and `---` between them to split a thread. Most drafts are like that, and building their
 * tree directly is many times cheaper than running micromark. Anything this cannot be sure
 * about returns null and goes through remark-parse; a test checks that the trees are equal.
 */
import type { Blockquote, List, ListItem, Paragraph, Root, RootContent } from 'mdast';

type Point = NonNullable<Root['position']>['start'];

/** Characters that may start inline syntax (emphasis, code, links, HTML, escapes), and tabs. */
const INLINE = /[\\`*[\]<>\t]/u;
/**
 * `_` that could open or close emphasis: any not between two letters or digits ("@ana_g" is
 * plain text), and `&` that could start a character reference ("&amp;", "&#233;").
 */
const UNDERSCORE_OR_ENTITY = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z\d]+);/u;
/**
 * Lines that could be (or end) a block construct: leading or trailing whitespace (indented
 * code, hard breaks), ATX headings, thematic breaks and setext underlines (`-`, `=`, `*`, `_`),
 * lists (`-`, `+`, `*`, `1.`, `1)`), block quotes, fences (`~`, backtick).
 */
const BLOCK_LINE = /^(?:[ >+=~-]|#{1,6}(?:[ ]|$)|\d{1,9}[.)])|[ ]$/u;
/** A list item this builds: `- ` or `1. ` and then text. */
const LIST_ITEM = /^(?:(-)|(\d{1,9})\.) (?=\S)/u;

export function parsePlainMarkdown(source: string): Root | null {
  // CR line endings and NUL characters are normalised by micromark: leave them to it.
  if (/[\r\0]/u.test(source)) return null;
  const lines = source.split('\n');
  const children: RootContent[] = [];
  let offset = 0;
  let index = 0;
  if (lines[0] === '---') {
    // YAML frontmatter as remark-frontmatter reads it: only the exact `---` fences are accepted here.
    const close = lines.indexOf('---', 1);
    if (close === -1) return null;
    const value = lines.slice(1, close).join('\n');
    const end = lines.slice(0, close + 1).join('\n').length;
    children.push({ type: 'yaml', value, position: { start: point(1, 1, 0), end: point(close + 1, 4, end) } });
    offset = end + 1;
    index = close + 1;
  }
  const body = offset === 0 ? source : source.slice(offset);
  // Quote markers are syntax we build; what follows them must be plain like everything else.
  const prose = body.includes('>') ? body.replace(/^> /gmu, '') : body;
  if (INLINE.test(prose) || UNDERSCORE_OR_ENTITY.test(prose)) return null;
  let paragraph: { first: number; from: number; lines: string[] } | null = null;
  const flush = (): void => {
    if (!paragraph) return;
    const value = paragraph.lines.join('\n');
    const last = paragraph.lines[paragraph.lines.length - 1] ?? '';
    const position = {
      start: point(paragraph.first + 1, 1, paragraph.from),
      end: point(paragraph.first + paragraph.lines.length, last.length + 1, paragraph.from + value.length),
    };
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value, position }], position: { start: { ...position.start }, end: { ...position.end } } };
    children.push(node);
    paragraph = null;
  };
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') flush();
    else if (line.startsWith('> ')) {
      // A quote after a blank line (or first), of plain lines, ended by a blank line: anything
      // else (a quote inside a paragraph, a lazy continuation line) is left to micromark.
      if (paragraph) return null;
      const first = index;
      const from = offset;
      const quoted: string[] = [];
      for (; (lines[index] ?? '').startsWith('> '); index++) {
        const content = (lines[index] ?? '').slice(2);
        if (content === '' || BLOCK_LINE.test(content)) return null;
        quoted.push(content);
        offset += content.length + 3;
      }
      if (index < lines.length && lines[index] !== '') return null;
      index--;
      children.push(quote(quoted, first, from));
      continue;
    } else if (!paragraph && LIST_ITEM.test(line)) {
      // A tight list of one-line items after a blank line (or first), ended by a blank line
      // that no item of the same kind follows (that would make it one loose list).
      const first = index;
      const ordered = LIST_ITEM.exec(line)?.[1] === undefined;
      const items: { marker: string; content: string; offset: number }[] = [];
      for (; index < lines.length; index++) {
        const item = lines[index] ?? '';
        const marker = LIST_ITEM.exec(item);
        if (!marker || (marker[1] === undefined) !== ordered) break;
        const content = item.slice(marker[0].length);
        if (BLOCK_LINE.test(content)) return null;
        items.push({ marker: marker[0], content, offset });
        offset += item.length + 1;
      }
      if (index < lines.length && lines[index] !== '') return null;
      let next = index;
      while (lines[next] === '') next++;
      if (LIST_ITEM.test(lines[next] ?? '')) return null;
      index--;
      children.push(list(items, first, ordered));
      continue;
    } else if (line === '---' && !paragraph) {
      // A thread separator: after a blank line `---` is a thematic break, not a setext underline.
      children.push({ type: 'thematicBreak', position: { start: point(index + 1, 1, offset), end: point(index + 1, 4, offset + 3) } });
    } else if (BLOCK_LINE.test(line)) return null;
    else if (paragraph) paragraph.lines.push(line);
    else paragraph = { first: index, from: offset, lines: [line] };
    offset += line.length + 1;
  }
  flush();
  const lastLine = lines[lines.length - 1] ?? '';
  return { type: 'root', children, position: { start: point(1, 1, 0), end: point(lines.length, lastLine.length + 1, source.length) } };
}

/** A block quote of one paragraph: `lines` without their `> `, the first at line `first` (0-based), offset `from`. */
function quote(lines: readonly string[], first: number, from: number): Blockquote {
  const value = lines.join('\n');
  const last = lines[lines.length - 1] ?? '';
  // Each line gives up its two-character marker to the quote.
  const end = point(first + lines.length, last.length + 3, from + value.length + 2 * lines.length);
  const text = { start: point(first + 1, 3, from + 2), end };
  return {
    type: 'blockquote',
    children: [{ type: 'paragraph', children: [{ type: 'text', value, position: text }], position: { start: { ...text.start }, end: { ...end } } }],
    position: { start: point(first + 1, 1, from), end: { ...end } },
  };
}

/** A tight list of one-line items, the first at line `first` (0-based). */
function list(items: readonly { marker: string; content: string; offset: number }[], first: number, ordered: boolean): List {
  const children = items.map(({ marker, content, offset }, i): ListItem => {
    const line = first + i + 1;
    const end = point(line, marker.length + content.length + 1, offset + marker.length + content.length);
    const text = { start: point(line, marker.length + 1, offset + marker.length), end };
    return {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: content, position: text }], position: { start: { ...text.start }, end: { ...end } } }],
      position: { start: point(line, 1, offset), end: { ...end } },
    };
  });
  const start = children[0]?.position?.start ?? point(first + 1, 1, 0);
  const end = children[children.length - 1]?.position?.end ?? start;
  return { type: 'list', ordered, start: ordered ? Number.parseInt(items[0]?.marker ?? '1', 10) : null, spread: false, children, position: { start: { ...start }, end: { ...end } } };
}

function point(line: number, column: number, offset: number): Point {
  return { line, column, offset };
}
