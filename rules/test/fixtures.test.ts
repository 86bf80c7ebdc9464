import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '@postlint/rules';
import { lintFixture, readFixtureCases, renderReport } from '@postlint/testing';

const root = join(import.meta.dirname, '..', '..', 'fixtures', 'rules');

describe.each([...rules.keys()])('fixtures of %s', (id) => {
  const rule = rules.get(id)!;
  const cases = readFixtureCases(join(root, id));

  it('has at least 12 valid and 12 invalid cases, in Spanish and English', () => {
    const count = (valid: boolean, lang: string): number => cases.filter((c) => c.valid === valid && c.name.includes(`-${lang}-`)).length;
    expect(cases.filter((c) => c.valid).length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((c) => !c.valid).length).toBeGreaterThanOrEqual(12);
    for (const valid of [true, false]) for (const lang of ['es', 'en']) expect(count(valid, lang)).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.filter((c) => c.valid).map((c) => [c.name, c] as const))('%s reports nothing', async (_name, fixture) => {
    const result = await lintFixture(rule, fixture);
    expect(renderReport(result)).toBe('');
  });

  it.each(cases.filter((c) => !c.valid).map((c) => [c.name, c] as const))('%s reports what its .expected.txt says', async (_name, fixture) => {
    const result = await lintFixture(rule, fixture);
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result.messages.every((m) => m.ruleId === id)).toBe(true);
    expect(existsSync(fixture.expectedPath), `${fixture.expectedPath} is missing: run pnpm fixtures:update`).toBe(true);
    expect(renderReport(result)).toBe(readFileSync(fixture.expectedPath, 'utf8'));
  });
});

describe('fixture folders', () => {
  it('every folder belongs to a rule and has no stray expected files', () => {
    for (const dir of readdirSync(root)) {
      expect(rules.has(dir), `fixtures/rules/${dir} has no rule`).toBe(true);
      const files = readdirSync(join(root, dir));
      for (const f of files.filter((n) => n.endsWith('.expected.txt'))) {
        expect(files, `${dir}/${f} has no fixture`).toContain(f.replace(/\.expected\.txt$/u, '.md'));
        expect(f.startsWith('invalid-'), `${dir}/${f}: valid cases have no expected file`).toBe(true);
      }
    }
  });
});
