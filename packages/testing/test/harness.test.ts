import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestRunner, afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { defineRule } from '@postlint/core';
import { lintFixture, readFixtureCases, renderReport } from '../src/index.js';

/** A tiny rule for testing the harness: reports every "bad" word. */
const rule = defineRule({
  meta: {
    id: 'no-bad',
    description: { en: 'No bad words.', es: 'Sin palabras malas.' },
    recommended: 'warn',
    languages: ['*'],
    messages: { en: { bad: 'Avoid “{{word}}”.' }, es: { bad: 'Evita «{{word}}».' } },
  },
  check(post, context) {
    for (const m of post.plain.text.matchAll(/bad|malo/gu)) {
      context.report({ messageId: 'bad', range: post.plain.range(m.index, m.index + m[0].length), data: { word: m[0] } });
    }
  },
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'postlint-harness-'));
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  // Removed when the test that made it ends (or, made while collecting, after its suite).
  if (TestRunner.getCurrentTest()) onTestFinished(remove);
  else afterAll(remove);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('@postlint/testing', () => {
  it('reads valid and invalid cases with per-case settings, ignoring other files', () => {
    const dir = folder({
      'valid-en-ok.md': 'All good here.',
      'invalid-es-malo.md': 'Esto es muy malo.',
      'README.md': '# notes',
      'options.json': JSON.stringify({ 'valid-en-ok.md': { platform: 'bluesky' } }),
    });
    const cases = readFixtureCases(dir);
    expect(cases.map((c) => [c.name, c.valid])).toEqual([
      ['invalid-es-malo.md', false],
      ['valid-en-ok.md', true],
    ]);
    expect(cases[1]!.settings).toEqual({ platform: 'bluesky' });
    expect(cases[0]!.expectedPath).toBe(join(dir, 'invalid-es-malo.expected.txt'));
  });

  it('rejects options.json entries for missing fixtures', () => {
    const dir = folder({ 'valid-en-ok.md': 'ok', 'options.json': JSON.stringify({ 'valid-en-typo.md': {} }) });
    expect(() => readFixtureCases(dir)).toThrow(/no fixture named 'valid-en-typo.md'/u);
  });

  it('renders the source line, an underline under the reported words and the message', async () => {
    // Columns are UTF-16 (the emoji takes two); the underline is placed by graphemes (it takes one).
    const dir = folder({ 'invalid-es-malo.md': '---\nlang: es\n---\n🥐 Esto es *muy* malo.\n' });
    const [fixture] = readFixtureCases(dir);
    const result = await lintFixture(rule, fixture!);
    expect(renderReport(result)).toBe(
      ['   4 | 🥐 Esto es *muy* malo.', '     |                 ~~~~', '4:18-4:22 warning no-bad: Evita «malo».', ''].join('\n'),
    );
  });

  it('renders nothing for a clean post', async () => {
    const [fixture] = readFixtureCases(folder({ 'valid-en-ok.md': 'All good here.' }));
    expect(renderReport(await lintFixture(rule, fixture!))).toBe('');
  });
});
