import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root, RootContent } from 'mdast';
import { PostlintError } from './errors.js';
import { TextBuilder } from './text.js';
import { parsePlainMarkdown } from './plain-markdown.js';
import { loadYaml, parseYaml } from './lazy.js';
import { getPlatform, PLATFORMS } from './platforms/index.js';
import { detectLanguage, normalizeLang, type LanguageOptions } from './language.js';
import type { Post, PostKind, PostPart, TextView } from './types.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export interface ParseOptions {
  /** Platforms for posts whose frontmatter names none. */
  readonly platforms: readonly string[];
  readonly language: LanguageOptions;
}

/** A parsed Markdown file before language and platform are decided (cheap to cache). */
export interface ParsedDocument {
  readonly source: string;
  readonly tree: Root;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly frontmatterEnd: number;
}

const start = (node: Nodes): number => node.position?.start.offset ?? 0;
const end = (node: Nodes): number => node.position?.end.offset ?? 0;

/**
 * Where the leading HTML comment of a node ends (a source offset), or -1 when the node does
 * not start with one. Comments are drafting notes and postlint directives, never pasted.
 */
function commentEnd(node: Nodes): number {
  if (node.type !== 'html' || !node.value.trimStart().startsWith('<!--')) return -1;
  const close = node.value.indexOf('-->');
  const lead = node.value.length - node.value.trimStart().length;
  return close === -1 || close < lead ? end(node) : start(node) + close + 3;
}

/** True for a node that is only an HTML comment. */
function isComment(node: Nodes): boolean {
  const at = commentEnd(node);
  return at !== -1 && (node.type !== 'html' || node.value.slice(at - start(node)).trim() === '');
}

/**
 * Text after a comment that opens a line (`<!-- note --> Fresh bread…`): Markdown makes the
 * whole line an HTML block, but what follows the comment is still part of the post.
 */
function afterComment(node: Nodes): { text: string; at: number } | null {
  const at = commentEnd(node);
  if (at === -1 || node.type !== 'html') return null;
  const rest = node.value.slice(at - start(node));
  const lead = rest.length - rest.trimStart().length;
  return rest.trim() === '' ? null : { text: rest.trim(), at: at + lead };
}

export function parseDocument(source: string, path: string): ParsedDocument {
  // Drafts without Markdown syntax skip micromark (same tree, a fraction of the time).
  const tree = parsePlainMarkdown(source) ?? processor.parse(source);
  let frontmatter: Record<string, unknown> = {};
  let frontmatterEnd = 0;
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontmatterEnd = end(first);
    try {
      const data = parseYaml(first.value);
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new PostlintError('input', 'frontmatter must be a YAML mapping of keys to values', { file: path, line: 1 });
      }
      frontmatter = data as Record<string, unknown>;
    } catch (error) {
      if (error instanceof loadYaml().YAMLException) {
        // The mark counts lines from 0 within the frontmatter, which starts on the file's line 2;
        // "unexpected end of the stream" points past its last line, at the closing `---`.
        const line = Math.min(error.mark.line, first.value.split('\n').length - 1) + 2;
        const reason = error.reason;
        throw new PostlintError('input', `broken frontmatter: ${reason}`, { file: path, line, cause: error });
      }
      throw error;
    }
  }
  return { source, tree, frontmatter, frontmatterEnd };
}

function stringList(value: unknown, key: string, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v): v is string => typeof v === 'string' && v.trim() !== '')) {
    throw new PostlintError('input', `frontmatter '${key}' must be a name or a list of names`, { file: path, line: 1 });
  }
  return list.map((v) => v.trim().toLowerCase());
}

/** Parses a file into the Post every rule sees. Throws PostlintError('input') for broken frontmatter. */
export function parsePost(source: string, path: string, options: ParseOptions): Post {
  return buildPost(parseDocument(source, path), path, options);
}

export function buildPost(doc: ParsedDocument, path: string, options: ParseOptions): Post {
  const { source, tree, frontmatter } = doc;
  const platforms = stringList(frontmatter.platform ?? frontmatter.platforms, 'platform', path) ?? [...options.platforms];
  for (const id of platforms) {
    if (!getPlatform(id)) {
      throw new PostlintError('input', `unknown platform '${id}' in frontmatter (use one of: ${Object.keys(PLATFORMS).join(', ')})`, { file: path, line: 1 });
    }
  }
  const kindValue = frontmatter.kind ?? 'post';
  if (kindValue !== 'post' && kindValue !== 'reply') {
    throw new PostlintError('input', `frontmatter 'kind' must be 'post' or 'reply', not ${JSON.stringify(kindValue)}`, { file: path, line: 1 });
  }
  const body = tree.children.filter((n) => n.type !== 'yaml');
  const groups = splitParts(body);
  const parts: PostPart[] = groups.map((nodes, index) => ({ index, raw: rawView(source, nodes), plain: plainView(source, nodes) }));
  const plain = plainView(source, body.filter((n) => n.type !== 'thematicBreak'));
  const startsWithMention = /^\s*@[\p{L}\p{N}_]/u.test(plain.text);
  // An explicit `kind` wins; otherwise a post that opens by @-addressing someone is a reply.
  const kind: PostKind = frontmatter.kind !== undefined ? kindValue : startsWithMention ? 'reply' : 'post';

  let lang: string;
  let langSource: Post['langSource'];
  const declared = frontmatter.lang ?? frontmatter.language;
  if (typeof declared === 'string' && declared.trim() !== '') {
    lang = normalizeLang(declared);
    langSource = 'frontmatter';
  } else if (declared !== undefined && declared !== null) {
    throw new PostlintError('input', "frontmatter 'lang' must be a language code such as 'es' or 'en-GB'", { file: path, line: 1 });
  } else {
    const result = detectLanguage(plain.text, options.language);
    lang = result.lang;
    langSource = result.detected ? 'detected' : 'default';
  }
  return { path, source, frontmatter, platforms, lang, langSource, kind, parts, plain };
}

/** Splits top-level nodes on thematic breaks (`---` between blank lines): one group per thread part. */
function splitParts(nodes: readonly RootContent[]): RootContent[][] {
  const groups: RootContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'thematicBreak') groups.push([]);
    else groups[groups.length - 1]?.push(node);
  }
  const nonEmpty = groups.filter((g) => g.some((n) => !isComment(n)));
  return nonEmpty.length > 0 ? nonEmpty : [[]];
}

/** The part as it would be pasted: its Markdown source without HTML comments, trimmed. */
function rawView(source: string, nodes: readonly RootContent[]): TextView {
  const builder = new TextBuilder();
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return builder.build();
  let cursor = start(first);
  const pieces: [number, number][] = [];
  // Comments anywhere (own line, or at the end of a line of text) are drafting notes and
  // directives, never pasted.
  const comments: [number, number][] = [];
  const collect = (node: Nodes): void => {
    const at = commentEnd(node);
    if (at !== -1) comments.push([start(node), isComment(node) ? end(node) : at]);
    else if ('children' in node) for (const child of node.children) collect(child);
  };
  for (const node of nodes) collect(node);
  for (const [from, to] of comments) {
    pieces.push([cursor, from]);
    cursor = to;
  }
  pieces.push([cursor, end(last)]);
  // Join the pieces, then trim: leading/trailing whitespace is not pasted.
  const joined = pieces.map(([s, e]) => source.slice(s, e)).join('');
  const lead = joined.length - joined.trimStart().length;
  const keep = joined.trim().length;
  let skipped = 0;
  for (const [s, e] of pieces) {
    const len = e - s;
    const from = Math.max(0, lead - skipped);
    const to = Math.min(len, lead + keep - skipped);
    if (to > from) builder.copy(source.slice(s + from, s + to), s + from);
    skipped += len;
  }
  return builder.build();
}

/** Readable text: Markdown syntax dropped, blocks separated by a blank line. */
function plainView(source: string, nodes: readonly RootContent[]): TextView {
  const builder = new TextBuilder();
  const block = (at: number): void => {
    if (builder.length > 0 && !builder.endsWith('\n\n')) builder.synthetic(builder.endsWith('\n') ? '\n' : '\n\n', at);
  };
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
        builder.aligned(node.value, source, start(node), end(node));
        return;
      case 'inlineCode':
      case 'code': {
        const s = start(node);
        const at = source.indexOf(node.value, s);
        if (node.type === 'code') block(s);
        const from = builder.length;
        if (at !== -1 && at + node.value.length <= end(node)) builder.copy(node.value, at);
        else builder.synthetic(node.value, s);
        builder.markCode(from);
        return;
      }
      case 'break':
        builder.synthetic('\n', start(node));
        return;
      case 'html': {
        const rest = afterComment(node);
        if (rest) {
          block(rest.at);
          builder.aligned(rest.text, source, rest.at, end(node));
        }
        return;
      }
      case 'image':
      case 'imageReference':
      case 'definition':
      case 'yaml':
      case 'thematicBreak':
        return;
      case 'paragraph':
      case 'heading':
      case 'blockquote':
      case 'list':
      case 'listItem':
        block(start(node));
        for (const child of node.children) visit(child);
        return;
      default:
        if ('children' in node) for (const child of node.children) visit(child);
    }
  };
  for (const node of nodes) visit(node);
  return builder.build();
}
