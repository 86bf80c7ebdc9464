import { describe, expect, it } from 'vitest';
import { PostlintError, parsePost, type Post } from '../src/index.js';

const options = { platforms: ['x'], language: { default: 'en', detect: ['es', 'en'] } };
const parse = (source: string): Post => parsePost(source, 'post.md', options);
/** The source text a plain-text range points at. */
const at = (post: Post, word: string): string => {
  const i = post.plain.text.indexOf(word);
  const [s, e] = post.plain.range(i, i + word.length);
  return post.source.slice(s, e);
};

describe('parsePost', () => {
  it('drops Markdown syntax from the plain text and maps words back to the source', () => {
    const post = parse('**Hola** _amigos_, mirad [nuestra web](https://example.com) y `CODIGO10` 🎉 ya.\n');
    expect(post.plain.text).toBe('Hola amigos, mirad nuestra web y CODIGO10 🎉 ya.');
    for (const word of ['Hola', 'amigos', 'nuestra web', 'CODIGO10', 'ya']) expect(at(post, word)).toBe(word);
    expect(post.plain.code).toHaveLength(1);
  });

  it('separates blocks with a blank line and keeps list items apart', () => {
    const post = parse('# Title\n\n- one\n- two\n\nLast line\nsoft break\n');
    expect(post.plain.text).toBe('Title\n\none\n\ntwo\n\nLast line\nsoft break');
  });

  it('maps through escapes and entities', () => {
    const post = parse('Price: 5 \\* 2 &amp; more words here\n');
    expect(post.plain.text).toBe('Price: 5 * 2 & more words here');
    expect(at(post, 'more words')).toBe('more words');
  });

  it('reads frontmatter: platforms, lang with region, kind', () => {
    const post = parse('---\nplatform: [X, LinkedIn]\nlang: es-MX\nkind: reply\n---\nGracias por escribirnos.\n');
    expect(post.platforms).toEqual(['x', 'linkedin']);
    expect(post.lang).toBe('es');
    expect(post.langSource).toBe('frontmatter');
    expect(post.kind).toBe('reply');
    expect(post.frontmatter.platform).toEqual(['X', 'LinkedIn']);
  });

  it('treats a post that opens by @-addressing someone as a reply, unless frontmatter says otherwise', () => {
    expect(parse('@maria_lopez thanks for the note, we are on it.').kind).toBe('reply');
    expect(parse('---\nkind: post\n---\n@maria_lopez joins the team today!').kind).toBe('post');
    expect(parse('Meet @maria_lopez, our new baker.').kind).toBe('post');
  });

  it('uses the configured platform when frontmatter names none', () => {
    expect(parse('Hello there').platforms).toEqual(['x']);
  });

  it('splits a thread on thematic breaks; the raw text is what gets pasted', () => {
    const source = '---\nplatform: x\n---\n\nFirst **part** 1/2\n\n- a list item\n\n---\n\n<!-- postlint-disable too-long -->\nSecond part 2/2   \n';
    const post = parse(source);
    expect(post.parts).toHaveLength(2);
    expect(post.parts[0]!.raw.text).toBe('First **part** 1/2\n\n- a list item');
    expect(post.parts[1]!.raw.text).toBe('Second part 2/2');
    const [s, e] = post.parts[1]!.raw.range(0, 6);
    expect(source.slice(s, e)).toBe('Second');
    expect(post.plain.text).toBe('First part 1/2\n\na list item\n\nSecond part 2/2');
  });

  it('keeps a comment in the middle of a part out of the raw text', () => {
    const post = parse('Line one\n\n<!-- note to self: check price -->\n\nLine two\n');
    expect(post.parts[0]!.raw.text).toBe('Line one\n\n\n\nLine two');
    expect(post.plain.text).toBe('Line one\n\nLine two');
  });

  it('a --- right under a line of text is a heading underline, not a thread break', () => {
    expect(parse('Title\n---\n\nBody').parts).toHaveLength(1);
  });

  it('handles CRLF line endings', () => {
    const source = 'First line\r\n\r\nSecond **line**\r\n';
    const post = parse(source);
    expect(post.plain.text).toBe('First line\n\nSecond line');
    expect(at(post, 'Second')).toBe('Second');
  });

  it.each([
    ['---\nplatform: [x\n---\nText', /broken frontmatter/u],
    ['---\n- just\n- a list\n---\nText', /must be a YAML mapping/u],
    ['---\nkind: answer\n---\nText', /'kind' must be 'post' or 'reply'/u],
    ['---\nplatform: 3\n---\nText', /'platform' must be a name/u],
    ['---\nlang: 12\n---\nText', /'lang' must be a language code/u],
  ])('rejects bad frontmatter %#', (source, message) => {
    let error: unknown;
    try {
      parse(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PostlintError);
    expect((error as PostlintError).kind).toBe('input');
    expect((error as PostlintError).message).toMatch(message);
  });
});

describe('parsePost platforms', () => {
  it('rejects an unknown platform in frontmatter, naming the ones it knows', () => {
    expect(() => parse('---\nplatform: tiktokk\n---\nHi')).toThrow(/unknown platform 'tiktokk' in frontmatter \(use one of: x, bluesky/u);
  });
});

describe('parsePost comments', () => {
  it('leaves a comment at the end of a line of text out of the raw text', () => {
    const post = parse('Fresh bread today <!-- postlint-disable-line too-long --> and cakes.\n');
    expect(post.parts[0]!.raw.text).toBe('Fresh bread today  and cakes.');
    expect(post.plain.text).toBe('Fresh bread today  and cakes.');
  });

  it('names the YAML problem without a dangling colon', () => {
    expect(() => parse('---\nplatform: [x\n---\nText')).toThrow(/^broken frontmatter: [^\n]*[^:\n]$/u);
  });

  it('points at the frontmatter line with the problem, never past the frontmatter', () => {
    const lineOf = (source: string): number | undefined => {
      try {
        parse(source);
      } catch (error) {
        return (error as PostlintError).line;
      }
      return undefined;
    };
    expect(lineOf('---\nplatform: x\nplatform: y\n---\nText')).toBe(3);
    expect(lineOf('---\nplatform: x\nlang: [es\n---\nText')).toBe(3);
  });
});

describe('parsePost comment at the start of a line', () => {
  it('keeps the text after a comment that opens a line (an HTML block in Markdown)', () => {
    const post = parse('<!-- note to self --> Fresh bread every morning.\n');
    expect(post.plain.text).toBe('Fresh bread every morning.');
    expect(post.parts[0]!.raw.text).toBe('Fresh bread every morning.');
    const i = post.plain.text.indexOf('bread');
    const [s, e] = post.plain.range(i, i + 5);
    expect(post.source.slice(s, e)).toBe('bread');
  });
});
