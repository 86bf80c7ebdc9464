// Trains the word models the rules use as a second opinion, from the labelled corpus.
//   node scripts/train-models.mjs           train, print cross-validation, write the model files
//   node scripts/train-models.mjs --check   exit 1 if a model file is not what training gives (CI)
//
// Only the tuning splits are used: the held-out ones (HELD_OUT) are what docs/quality.md
// reports on, so they must never shape the model. The threshold is chosen here, by
// leave-one-split-out cross-validation (each split is a different author):
// - a model that adds reports ('or': defensive-tone) gets the lowest threshold at which it
//   alone is right at least 95% of the time when it fires, in every language;
// - a model that must agree before the rule reports ('and': excessive-self-promotion) gets
//   the threshold at which rule-and-model has the best F1, averaged over the languages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, parsePost } from '@postlint/core';
import { rules } from '@postlint/rules';
import { modelProbability, wordFeatures } from '@postlint/rules/model';
import { HELD_OUT, loadCorpus, soloConfig } from './eval-lib.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
if (args.some((a) => a !== '--check')) {
  console.error(`train-models: unknown argument (use --check)`);
  process.exit(2);
}

/** Models to train: the rule, the label it learns, and its training settings. */
const MODELS = [
  { rule: 'defensive-tone', combine: 'or', minCount: 2, l2: 1, epochs: 300, rate: 0.5, precision: 0.95, thresholds: [0.5, 0.6, 0.7, 0.8, 0.9] },
  { rule: 'excessive-self-promotion', combine: 'and', minCount: 2, l2: 1, epochs: 300, rate: 0.5, thresholds: [0.1, 0.2, 0.3, 0.5] },
];

const { brand, posts } = loadCorpus(join(root, 'fixtures', 'eval'));

/** What the rule reports on its own (its `model` option off), as pnpm eval runs it. */
async function rulePredicts(id, post) {
  const rule = rules.get(id);
  const config = soloConfig(rule, brand, { model: false });
  const result = await lintText(post.source, { filePath: post.file, config, rules: new Map([[id, rule]]), checkDirectiveIds: false });
  return result.messages.some((m) => m.ruleId === id);
}
let stale = false;
for (const spec of MODELS) {
  const examples = [];
  const { platforms, language } = soloConfig(rules.get(spec.rule), brand);
  for (const p of posts.filter((x) => !HELD_OUT.includes(x.split) && typeof x.labels?.[spec.rule] === 'boolean')) {
    const post = parsePost(p.source, p.file, { platforms, language });
    examples.push({ split: p.split, lang: p.lang, label: p.labels[spec.rule], rule: await rulePredicts(spec.rule, p), features: wordFeatures(post.plain.text, post.plain.code) });
  }
  const langs = [...new Set(examples.map((e) => e.lang))].sort();

  // Leave-one-split-out: how the model does on an author it has not seen.
  const cv = new Map(spec.thresholds.map((t) => [t, Object.fromEntries(langs.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]))]));
  for (const split of [...new Set(examples.map((e) => e.split))].sort()) {
    const model = { threshold: 0.5, languages: Object.fromEntries(langs.map((l) => [l, fit(examples.filter((e) => e.lang === l && e.split !== split), spec)])) };
    for (const e of examples.filter((x) => x.split === split)) {
      const p = modelProbability(model, e.lang, e.features) ?? 0;
      for (const t of spec.thresholds) {
        const c = cv.get(t)[e.lang];
        // 'or': the model alone; 'and': the rule's reports that the model confirms.
        const yes = spec.combine === 'or' ? p >= t : e.rule && p >= t;
        if (yes && e.label) c.tp++;
        else if (yes) c.fp++;
        else if (e.label) c.fn++;
      }
    }
  }
  const figures = (c) => ({ precision: round(c.tp / Math.max(1, c.tp + c.fp), 2), recall: round(c.tp / Math.max(1, c.tp + c.fn), 2) });
  const f1 = (c) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);
  const meanF1 = (t) => langs.reduce((sum, l) => sum + f1(cv.get(t)[l]), 0) / langs.length;
  const threshold =
    spec.combine === 'or'
      ? (spec.thresholds.find((t) => langs.every((l) => figures(cv.get(t)[l]).precision >= spec.precision)) ?? spec.thresholds.at(-1))
      : // Within a point of F1 the folds cannot tell thresholds apart: take the highest, whose
        // veto clears the most posts (stories, notices) that the counts alone would report.
        spec.thresholds.filter((t) => meanF1(t) >= Math.max(...spec.thresholds.map(meanF1)) - 0.01).at(-1);
  const alone = examples.filter((e) => e.rule);
  console.log(`${spec.rule}: ${examples.length} labelled posts from the tuning splits; the rule alone reports ${alone.length}, ${alone.filter((e) => e.label).length} rightly.`);
  console.log(`  leave-one-split-out, ${spec.combine === 'or' ? 'model alone' : 'rule and model'}:`);
  for (const t of spec.thresholds) console.log(`  threshold ${t}: ${langs.map((l) => `${l} P ${figures(cv.get(t)[l]).precision} R ${figures(cv.get(t)[l]).recall}`).join(', ')}, mean F1 ${round(meanF1(t), 3)}${t === threshold ? '  <- chosen' : ''}`);

  const model = {
    $comment: `Logistic regression over folded words and word pairs, written by scripts/train-models.mjs from the tuning splits of fixtures/eval (never the held-out ${HELD_OUT.join(', ')}). Do not edit: retrain. Threshold chosen by leave-one-split-out cross-validation (${spec.combine === 'or' ? 'model alone' : 'rule and model'}: ${langs.map((l) => `${l} P ${figures(cv.get(threshold)[l]).precision} R ${figures(cv.get(threshold)[l]).recall}`).join(', ')}).`,
    threshold,
    languages: Object.fromEntries(langs.map((l) => [l, fit(examples.filter((e) => e.lang === l), spec)])),
  };
  const file = join(root, 'rules', 'lexicons', `${spec.rule}.model.json`);
  const text = `${JSON.stringify(model, null, 1)}\n`;
  if (check) {
    let current = null;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`rules/lexicons/${spec.rule}.model.json is ${current === null ? 'missing' : 'stale'}: run node scripts/train-models.mjs and commit it`);
      stale = true;
    }
  } else {
    writeFileSync(file, text);
    console.log(`  wrote rules/lexicons/${spec.rule}.model.json`);
  }
}
if (stale) process.exitCode = 1;

/** Full-batch gradient descent from zero: the same data gives the same weights, on any machine. */
function fit(examples, { minCount, l2, epochs, rate }) {
  const counts = new Map();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = examples.map((e) => e.features.map((f) => index.get(f)).filter((i) => i !== undefined));
  const ys = examples.map((e) => (e.label ? 1 : 0));
  const w = new Float64Array(vocabulary.length);
  let bias = 0;
  const n = examples.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(vocabulary.length);
    let gradBias = 0;
    rows.forEach((row, k) => {
      let z = bias;
      for (const i of row) z += w[i];
      const error = 1 / (1 + Math.exp(-z)) - ys[k];
      for (const i of row) grad[i] += error;
      gradBias += error;
    });
    for (let i = 0; i < w.length; i++) w[i] -= (rate * (grad[i] + l2 * w[i])) / n;
    bias -= (rate * (gradBias + l2 * bias)) / n;
  }
  const weights = {};
  vocabulary.forEach((f, i) => {
    const value = round(w[i], 4);
    if (value !== 0) weights[f] = value;
  });
  return { bias: round(bias, 4), weights };
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
