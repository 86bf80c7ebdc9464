/**
 * The mdast tree of a Markdown file that uses no Markdown syntax at all: optional `---` YAML
 * frontmatter, then paragraphs of plain lines, `> ` quotes of plain lines (a reply quoting the
 * comment it answers), lists of one-line items (`- ` or `1. `), and `---` between them to
 * split a thread, with LF or CRLF line endings. Most drafts are like that, and building their
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
  // A CR on its own ends a line for micromark, and NUL is replaced: leave both to it. CRLF is
  // kept: text values keep the CR of the line endings inside them, positions count it.
  if (/\r(?!\n)|\0/u.test(source)) return null;
  const raw = source.split('\n');
  // Each line without its CR, where it starts, and the line ending after it.
  const lines = raw.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const starts: number[] = [];
  for (let i = 0, at = 0; i < raw.length; at += (raw[i] ?? '').length + 1, i++) starts.push(at);
  const eol = (i: number): string => ((raw[i] ?? '').endsWith('\r') ? '\r\n' : '\n');
  /** `parts` (the lines from `first` on, or what is left of them) joined by the source's own line endings. */
  const joined = (parts: readonly string[], first: number): string => parts.reduce((all, part, k) => (k === 0 ? part : all + eol(first + k - 1) + part), '');
  const at = (i: number): number => starts[i] ?? source.length;
  const children: RootContent[] = [];
  let index = 0;
  if (lines[0] === '---') {
    // YAML frontmatter as remark-frontmatter reads it: only the exact `---` fences are accepted here.
    const close = lines.indexOf('---', 1);
    if (close === -1) return null;
    const value = joined(lines.slice(1, close), 1);
    children.push({ type: 'yaml', value, position: { start: point(1, 1, 0), end: point(close + 1, 4, at(close) + 3) } });
    index = close + 1;
  }
  const body = index === 0 ? source : source.slice(at(index));
  // Quote markers are syntax we build; what follows them must be plain like everything else.
  const prose = body.includes('>') ? body.replace(/^> /gmu, '') : body;
  if (INLINE.test(prose) || UNDERSCORE_OR_ENTITY.test(prose)) return null;
  let paragraph: { first: number; lines: string[] } | null = null;
  const flush = (): void => {
    if (!paragraph) return;
    const value = joined(paragraph.lines, paragraph.first);
    const lastIndex = paragraph.first + paragraph.lines.length - 1;
    const position = {
      start: point(paragraph.first + 1, 1, at(paragraph.first)),
      end: point(lastIndex + 1, (lines[lastIndex] ?? '').length + 1, at(paragraph.first) + value.length),
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
      const quoted: string[] = [];
      for (; (lines[index] ?? '').startsWith('> '); index++) {
        const content = (lines[index] ?? '').slice(2);
        if (content === '' || BLOCK_LINE.test(content)) return null;
        quoted.push(content);
      }
      if (index < lines.length && lines[index] !== '') return null;
      children.push(quote(joined(quoted, first), quoted, first, at(first), at(index - 1) + 2 + (quoted[quoted.length - 1] ?? '').length));
      index--;
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
        items.push({ marker: marker[0], content, offset: at(index) });
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
      children.push({ type: 'thematicBreak', position: { start: point(index + 1, 1, at(index)), end: point(index + 1, 4, at(index) + 3) } });
    } else if (BLOCK_LINE.test(line)) return null;
    else if (paragraph) paragraph.lines.push(line);
    else paragraph = { first: index, lines: [line] };
  }
  flush();
  const lastLine = raw[raw.length - 1] ?? '';
  return { type: 'root', children, position: { start: point(1, 1, 0), end: point(raw.length, lastLine.length + 1, source.length) } };
}

/**
 * A block quote of one paragraph: `value` is its text without the `> ` markers, `lines` the
 * lines' contents, the first at line `first` (0-based) and offset `from`, ending at offset `to`.
 */
function quote(value: string, lines: readonly string[], first: number, from: number, to: number): Blockquote {
  const last = lines[lines.length - 1] ?? '';
  // Each line gives up its two-character marker to the quote.
  const end = point(first + lines.length, last.length + 3, to);
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
