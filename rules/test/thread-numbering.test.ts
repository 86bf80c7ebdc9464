import { describe, expect, it } from 'vitest';
import type { LintMessage } from '@postlint/core';
import { lintFixture, type FixtureSettings } from '@postlint/testing';
import threadNumbering from '../src/thread-numbering.js';

async function lint(source: string, settings: FixtureSettings = {}): Promise<LintMessage[]> {
  const fixture = { name: 'case.md', path: 'case.md', valid: false, source, settings, expectedPath: '' };
  return (await lintFixture(threadNumbering, fixture)).messages;
}

const thread = (...parts: string[]): string => `---\nlang: en\n---\n${parts.join('\n\n---\n\n')}\n`;
const summary = async (source: string, settings?: FixtureSettings): Promise<string[]> =>
  (await lint(source, settings)).map((m) => `${m.messageId ?? ''}@${m.line}:${m.column}-${m.endColumn}`);

describe('thread-numbering', () => {
  it('recognises the usual styles at the start of a part', async () => {
    const styles: ((n: number, t: number) => string)[] = [
      (n, t) => `${n}/${t} Text.`,
      (n, t) => `(${n}/${t}) Text.`,
      (n, t) => `[${n}/${t}] Text.`,
      (n) => `${n}/ Text.`,
      (n) => `${n}/n Text.`,
      (n, t) => `🧵 ${n}/${t} Text.`,
      (n, t) => `${n}/${t}🧵 Text.`,
      (n, t) => `**${n}/${t}** Text.`,
      (n, t) => `${n} / ${t}: Text.`,
    ];
    for (const style of styles) {
      const parts = [1, 2, 3].map((n) => style(n, 3));
      expect(await lint(thread(...parts)), parts[0]).toEqual([]);
    }
  });

  it('recognises a number at the end of a part only in brackets, on its own line or with 🧵', async () => {
    expect(await lint(thread('One. (1/3)', 'Two. [2/3]', 'Three.\n3/3'))).toEqual([]);
    expect(await lint(thread('One. 1/3 🧵', 'Two.\n\n2/3', 'Three. (3/3)'))).toEqual([]);
    // "rated 4/5" ends a part but is a score: the thread is simply unnumbered.
    expect(await summary(thread('We tried it.', 'Then we compared.', 'We would rate it 4/5'))).toEqual(['missingAll@4:1-2']);
  });

  it('does not take dates, 24/7 or 0/10 for numbers', async () => {
    expect(await summary(thread('24/7 support from now on.', '1/5/2025 is the date.', '0/10 would not recommend.'))).toEqual(['missingAll@4:1-2']);
  });

  it('reports a part without a number, in the style of the others', async () => {
    expect((await lint(thread('(1/3) One.', 'Two.', '(3/3) Three.')))[0]?.message).toBe('Part 2 has no number, but other parts of the thread do. Add “(2/3)” to it.');
    expect((await lint(thread('1/n One.', 'Two.', '3/n Three.')))[0]?.message).toContain('Add “2/n” to it.');
  });

  it('reports numbers out of order and wrong totals on the number itself', async () => {
    expect(await summary(thread('1/3 One.', '3/3 Two.', '2/3 Three.'))).toEqual(['outOfOrder@8:1-4', 'outOfOrder@12:1-4']);
    expect(await summary(thread('1/3 One.', '(2/4) Two.', '3/3 Three.'))).toEqual(['wrongTotal@8:1-6']);
    // A total not updated after adding a part: "5/4" is still a number.
    expect(await summary(thread('1/4 a', '2/4 b', '3/4 c', '4/4 d', '5/4 e'))).toHaveLength(5);
  });

  it('accepts an unnumbered cover before parts numbered from 1', async () => {
    expect(await lint(thread('A thread on bread 🧵', '1/3 One.', '2/3 Two.', '3/3 Three.'))).toEqual([]);
    expect(await summary(thread('A thread on bread 🧵', '1/4 One.', '2/4 Two.', '3/4 Three.'))).toEqual(['wrongTotal@8:1-4', 'wrongTotal@12:1-4', 'wrongTotal@16:1-4']);
  });

  it('asks for numbers from minParts parts on, unless require is false', async () => {
    expect(await lint(thread('One.', 'Two.'))).toEqual([]);
    expect(await summary(thread('One.', 'Two.'), { options: { minParts: 2 } })).toEqual(['missingAll@4:1-2']);
    expect(await lint(thread('One.', 'Two.', 'Three.'), { options: { require: false } })).toEqual([]);
    // Numbering that is used must still be right.
    expect(await summary(thread('1/3 One.', 'Two.', 'Three.'), { options: { require: false } })).toEqual(['missingSome@8:1-2', 'missingSome@12:1-2']);
  });

  it('reports the first character of an unnumbered part, whole even when it is an emoji', async () => {
    const [message] = await lint(thread('1/3 One.', '🍞 Two.', '3/3 Three.'));
    expect(message).toMatchObject({ line: 8, column: 1, endColumn: 3 });
  });

  it('ignores single posts', async () => {
    expect(await lint('---\nlang: en\n---\n1/2 cup of flour, 3/4 cup of water.\n')).toEqual([]);
  });
});
