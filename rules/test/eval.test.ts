import { describe, expect, it } from 'vitest';
import { defineRule, type Rule } from '@postlint/core';
import { evaluate, renderQualityDoc, score, stripFrontmatter, targetsMet, type EvalPost, type Row } from '../../scripts/eval-lib.mjs';

// A stand-in rule with a known behaviour: it warns when the post says WARN.
const fake: Rule = defineRule({
  meta: {
    id: 'fake-rule',
    description: { en: 'Warns on WARN.', es: 'Avisa con WARN.' },
    recommended: 'warn',
    languages: ['*'],
    messages: { en: { found: 'Found WARN.' } },
  },
  check(post, context) {
    const at = post.source.indexOf('WARN');
    if (at !== -1) context.report({ messageId: 'found', range: [at, at + 4] });
  },
});

const post = (file: string, lang: string, label: boolean | null, source: string): EvalPost => ({
  file,
  split: file.split('/')[0]!,
  lang,
  source,
  labels: { 'fake-rule': label },
});

// Rule outcomes on dev: en → TP, FP; es → FN, TN; the null post would be a FP if counted.
// The baseline ("contains base") warns on the first three dev posts; post 4 has no "base".
const posts: EvalPost[] = [
  post('dev/1-en.md', 'en', true, 'WARN base here, please.'),
  post('dev/2-en.md', 'en', false, 'Another WARN, base too.'),
  post('dev/3-es.md', 'es', true, 'Nada que ver, base.'),
  post('dev/4-es.md', 'es', false, '---\nplatform: x\n---\nTodo tranquilo.'),
  post('dev/5-en.md', 'en', null, 'WARN but the rule does not apply here.'),
  post('test/6-en.md', 'en', false, 'A held-out WARN.'),
];

const run = () =>
  evaluate({
    posts,
    rules: new Map([['fake-rule', fake]]),
    ruleIds: ['fake-rule', 'not-written-yet'],
    baselines: { 'fake-rule': (text) => text.includes('base') },
  });

const row = (rows: readonly Row[], split: string, lang: string): Row => {
  const found = rows.find((r) => r.split === split && r.lang === lang);
  if (!found) throw new Error(`no row ${split}/${lang}`);
  return found;
};

describe('score', () => {
  it('computes precision, recall and F1 from counts', () => {
    expect(score({ tp: 8, fp: 2, fn: 2, tn: 5 })).toEqual({ tp: 8, fp: 2, fn: 2, tn: 5, n: 17, precision: 0.8, recall: 0.8, f1: 0.8 });
    const s = score({ tp: 3, fp: 1, fn: 3, tn: 0 });
    expect(s.precision).toBe(0.75);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(0.6, 10);
  });

  it('leaves undefined ratios null and gives F1 0 when nothing is right', () => {
    expect(score({ tp: 0, fp: 0, fn: 0, tn: 4 })).toMatchObject({ precision: null, recall: null, f1: null });
    expect(score({ tp: 0, fp: 0, fn: 2, tn: 1 })).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });
});

describe('evaluate', () => {
  it('counts TP/FP/FN/TN per split and language, skipping null labels', async () => {
    const evaluation = await run();
    expect(evaluation.splits).toEqual(['dev', 'test']);
    expect(evaluation.langs).toEqual(['es', 'en', 'all']);
    expect(evaluation.rules.map((r) => r.id)).toEqual(['fake-rule']);
    const rows = evaluation.rules[0]!.rows;

    const all = row(rows, 'dev', 'all');
    expect(all.rule).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1, n: 4, precision: 0.5, recall: 0.5, f1: 0.5 });

    const en = row(rows, 'dev', 'en');
    expect(en.rule).toMatchObject({ tp: 1, fp: 1, fn: 0, tn: 0, n: 2, precision: 0.5, recall: 1 });
    expect(en.rule.f1).toBeCloseTo(2 / 3, 10);

    const es = row(rows, 'dev', 'es');
    expect(es.rule).toMatchObject({ tp: 0, fp: 0, fn: 1, tn: 1, precision: null, recall: 0, f1: 0 });

    expect(row(rows, 'test', 'en').rule).toMatchObject({ tp: 0, fp: 1, fn: 0, tn: 0, n: 1 });
    expect(rows.some((r) => r.split === 'test' && r.lang === 'es')).toBe(false);
  });

  it('scores the baseline on the same posts, without frontmatter, and reports the F1 gain', async () => {
    const evaluation = await run();
    const all = row(evaluation.rules[0]!.rows, 'dev', 'all');
    // Baseline predicts true on posts 1, 2, 3 (and not on 4): TP 2, FP 1, FN 0, TN 1.
    expect(all.baseline).toMatchObject({ tp: 2, fp: 1, fn: 0, tn: 1 });
    expect(all.baseline?.f1).toBeCloseTo(0.8, 10);
    expect(all.gain).toBeCloseTo(0.5 - 0.8, 10);
    expect(stripFrontmatter('---\nkind: reply\n---\nHello?')).toBe('Hello?');
    expect(stripFrontmatter('No frontmatter\n---\nsecond part')).toBe('No frontmatter\n---\nsecond part');
  });

  it('lists rules that do not exist, and keeps mistakes for dev only', async () => {
    const evaluation = await run();
    expect(evaluation.missing).toEqual(['not-written-yet']);
    expect(evaluation.mistakes.map((m) => [m.file, m.kind])).toEqual([
      ['dev/2-en.md', 'FP'],
      ['dev/3-es.md', 'FN'],
    ]);
    expect(evaluation.mistakes[0]!.messages).toEqual(['1:9 Found WARN.']);
  });

  it('checks targets per row and renders a reproducible document', async () => {
    const evaluation = await run();
    const en = row(evaluation.rules[0]!.rows, 'dev', 'en');
    expect(targetsMet(en)).toEqual({ precision: false, recall: true, gain: false });
    const doc = renderQualityDoc(evaluation);
    expect(doc).toContain('generated by scripts/eval.mjs (pnpm eval); do not edit by hand');
    expect(doc).toContain('`not-written-yet` is not in `@postlint/rules` yet');
    expect(renderQualityDoc(await run())).toBe(doc);
  });
});
