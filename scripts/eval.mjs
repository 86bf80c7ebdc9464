// Scores the content rules against the labelled corpus in fixtures/eval/ and writes docs/quality.md.
//   node scripts/eval.mjs             print the table, write docs/quality.md
//   node scripts/eval.mjs --check     exit 1 if docs/quality.md is stale (CI)
//   node scripts/eval.mjs --verbose   also list false positives/negatives on dev (alias: --errors)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@postlint/rules';
import { HELD_OUT, consoleTable, evaluate, loadCorpus, renderQualityDoc } from './eval-lib.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const verbose = args.includes('--verbose') || args.includes('--errors');
const unknown = args.filter((a) => !['--check', '--verbose', '--errors'].includes(a));
if (unknown.length > 0) {
  console.error(`eval: unknown argument ${unknown.join(' ')} (use --check, --verbose or --errors)`);
  process.exit(2);
}

const corpusDir = join(root, 'fixtures', 'eval');
const docPath = join(root, 'docs', 'quality.md');
const { brand, posts } = loadCorpus(corpusDir);
// Mistakes are listed for the tuning splits only, never for the held-out splits.
const tuningSplits = [...new Set(posts.map((p) => p.split))].filter((split) => !HELD_OUT.includes(split));
const evaluation = await evaluate({ posts, rules, brand, explainSplits: tuningSplits });
const doc = renderQualityDoc(evaluation);

if (check) {
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : null;
  if (current === doc) console.log('docs/quality.md is up to date');
  else {
    console.error(`docs/quality.md is ${current === null ? 'missing' : 'stale'}: run pnpm eval and commit the result`);
    process.exitCode = 1;
  }
} else {
  report();
  writeFileSync(docPath, doc);
  console.log('\nwrote docs/quality.md');
}

function report() {
  console.log(consoleTable(evaluation));
  for (const id of evaluation.missing) console.log(`\nnote: ${id} is not in @postlint/rules yet; skipped`);
  if (!verbose) return;
  for (const { id } of evaluation.rules) {
    const mistakes = evaluation.mistakes.filter((m) => m.rule === id);
    const fp = mistakes.filter((m) => m.kind === 'FP').length;
    console.log(`\n${id}: ${fp} false positives, ${mistakes.length - fp} false negatives on ${tuningSplits.join(', ')}`);
    for (const m of mistakes) {
      const tags = m.hard.length > 0 ? ` [${m.hard.join(', ')}]` : '';
      console.log(`  ${m.kind} fixtures/eval/${m.file}${tags}`);
      for (const message of m.messages) console.log(`     rule: ${message}`);
      if (m.note) console.log(`     label: ${m.note}`);
    }
  }
}
