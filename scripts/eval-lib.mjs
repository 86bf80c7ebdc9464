// The library behind `pnpm eval`: runs content rules on a labelled corpus and scores them
// against naive baselines. Pure apart from reading the corpus (loadCorpus); eval.mjs does
// the printing and writes docs/quality.md. Types: eval-lib.d.mts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, resolveRuleOptions } from '@postlint/core';

/** The content rules the corpus labels, in report order. */
export const CONTENT_RULES = ['excessive-self-promotion', 'no-question-asked', 'defensive-tone', 'reply-without-thanks'];

/** Splits never tuned on (not even their mistakes are listed): what docs/quality.md reports as held out. */
export const HELD_OUT = ['test', 'check', 'check2', 'check3'];

/** Per-language targets on the held-out split. */
export const TARGETS = { precision: 0.9, recall: 0.85, gain: 0.15 };

/** Removes a leading YAML frontmatter block (`---` … `---`), as a naive baseline sees the post. */
export function stripFrontmatter(source) {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u, '');
}

const count = (text, re) => (text.match(re) ?? []).length;
// \p{L} boundaries: \b is ASCII-only and would split "nuestra" from accented neighbours.
const words = (list) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
const WE = words(['we', 'our', 'us', 'nosotros', 'nuestro', 'nuestra', 'nuestros', 'nuestras']);
const NEGATIVE = words(['not', 'never', 'wrong', 'false', 'fault', 'no', 'nunca', 'falso', 'culpa', 'error', 'mal', 'problema']);
const THANKS = /thank|gracias/iu;

/** Naive baselines, one line each, on the text without frontmatter. */
export const BASELINES = {
  'no-question-asked': (text) => !text.includes('?'),
  'excessive-self-promotion': (text) => count(text, WE) >= 3,
  'defensive-tone': (text) => count(text, NEGATIVE) > 0,
  'reply-without-thanks': (text) => !THANKS.test(text),
};

/** What each baseline does, for the docs. */
export const BASELINE_DESCRIPTIONS = {
  'no-question-asked': 'no `?` anywhere in the text',
  'excessive-self-promotion': '≥ 3 whole-word *we/our/us/nosotros/nuestro/nuestra/nuestros/nuestras*',
  'defensive-tone': 'any of *not, never, wrong, false, fault, no, nunca, falso, culpa, error, mal, problema*',
  'reply-without-thanks': 'no *thank* or *gracias*',
};

/** Reads labels.json and the posts it names. `file` is relative to `dir` (e.g. `dev/001-…md`). */
export function loadCorpus(dir) {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
  const posts = Object.entries(labels.posts)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, entry]) => ({
      file,
      split: file.split('/')[0],
      lang: entry.lang,
      kind: entry.kind,
      labels: entry.labels,
      hard: entry.hard ?? [],
      note: entry.note ?? '',
      source: readFileSync(join(dir, file), 'utf8'),
    }));
  return { brand: { names: [...(labels.brand?.names ?? [])], handles: [...(labels.brand?.handles ?? [])] }, posts };
}

/** Precision, recall and F1 from counts; null where undefined (no predictions, no positives). */
export function score({ tp, fp, fn, tn }) {
  return {
    tp,
    fp,
    fn,
    tn,
    n: tp + fp + fn + tn,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    f1: 2 * tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null,
  };
}

const tally = (pairs) => {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { label, predicted } of pairs) {
    if (label && predicted) c.tp++;
    else if (!label && predicted) c.fp++;
    else if (label && !predicted) c.fn++;
    else c.tn++;
  }
  return score(c);
};

const order = (values, first) => [...first.filter((v) => values.includes(v)), ...values.filter((v) => !first.includes(v)).sort()];

/**
 * Lints every post with only one rule enabled (warn, default options, platform x,
 * language default en / detect es+en, the corpus brand) and scores it per split × language.
 * Rules missing from `rules` are listed in `missing`. Mistakes (FP/FN) are kept only for
 * `explainSplits` (default: dev), so nobody tunes on the held-out split by accident.
 */
/**
 * The config a rule is scored under: alone, at `warn`, platform `x`, Spanish/English
 * detection, the corpus brand; `options` over the rule's defaults.
 */
export function soloConfig(rule, brand, options = undefined) {
  return {
    rules: { [rule.meta.id]: { severity: 'warn', options: resolveRuleOptions(rule.meta, options, `eval:${rule.meta.id}`) } },
    platforms: ['x'],
    language: { default: 'en', detect: ['es', 'en'] },
    brand,
    settings: {},
  };
}

export async function evaluate({ posts, rules, ruleIds = CONTENT_RULES, brand = { names: [], handles: [] }, baselines = BASELINES, explainSplits = ['dev'] }) {
  const splits = order([...new Set(posts.map((p) => p.split))], ['dev', 'test']);
  const langs = [...order([...new Set(posts.map((p) => p.lang))], ['es', 'en']), 'all'];
  const results = [];
  const missing = [];
  const mistakes = [];
  for (const id of ruleIds) {
    const rule = rules.get(id);
    if (!rule) {
      missing.push(id);
      continue;
    }
    const config = soloConfig(rule, brand);
    const baseline = baselines[id];
    const outcomes = [];
    for (const post of posts) {
      const label = post.labels?.[id];
      if (label === null || label === undefined) continue;
      const result = await lintText(post.source, { filePath: post.file, config, rules: new Map([[id, rule]]), checkDirectiveIds: false });
      const fatal = result.messages.find((m) => m.fatal);
      if (fatal) throw new Error(`${post.file}: ${fatal.message}`);
      const messages = result.messages.filter((m) => m.ruleId === id);
      const predicted = messages.length > 0;
      const base = baseline ? baseline(stripFrontmatter(post.source)) : null;
      outcomes.push({ post, label, predicted, base });
      if (predicted !== label && explainSplits.includes(post.split)) {
        mistakes.push({
          rule: id,
          split: post.split,
          file: post.file,
          lang: post.lang,
          kind: predicted ? 'FP' : 'FN',
          messages: messages.map((m) => `${m.line}:${m.column} ${m.message}`),
          hard: post.hard ?? [],
          note: post.note ?? '',
        });
      }
    }
    const rows = [];
    for (const split of splits) {
      for (const lang of langs) {
        const subset = outcomes.filter((o) => o.post.split === split && (lang === 'all' || o.post.lang === lang));
        if (subset.length === 0) continue;
        const ruleScore = tally(subset.map((o) => ({ label: o.label, predicted: o.predicted })));
        const baseScore = baseline ? tally(subset.map((o) => ({ label: o.label, predicted: o.base }))) : null;
        const gain = baseScore && ruleScore.f1 !== null && baseScore.f1 !== null ? ruleScore.f1 - baseScore.f1 : null;
        rows.push({ split, lang, rule: ruleScore, baseline: baseScore, gain });
      }
    }
    results.push({ id, rows });
  }
  return { posts: posts.length, splits, langs, rules: results, missing, mistakes };
}

/** Whether a row meets each target (null values fail). */
export function targetsMet(row, targets = TARGETS) {
  const ok = (v, min) => v !== null && v >= min - 1e-9;
  return {
    precision: ok(row.rule.precision, targets.precision),
    recall: ok(row.rule.recall, targets.recall),
    gain: ok(row.gain, targets.gain),
  };
}

const num = (v) => (v === null ? '–' : v.toFixed(2));
const signed = (v) => (v === null ? '–' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`);
const mark = (b) => (b ? '✅' : '❌');

/** Markdown table of one split; with `targets`, adds ✅/❌ columns on the per-language rows. */
export function splitTable(evaluation, split, { targets = false } = {}) {
  const head = ['rule', 'lang', 'n', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1', 'baseline F1', 'gain'];
  if (targets) head.push(`P ≥ ${TARGETS.precision.toFixed(2)}`, `R ≥ ${TARGETS.recall.toFixed(2)}`, `gain ≥ ${TARGETS.gain.toFixed(2)}`);
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i < 2 ? '---' : i < 12 ? '---:' : ':---:')).join(' | ')} |`];
  for (const { id, rows } of evaluation.rules) {
    for (const row of rows.filter((r) => r.split === split)) {
      const s = row.rule;
      const cells = [`\`${id}\``, row.lang, s.n, s.tp, s.fp, s.fn, s.tn, num(s.precision), num(s.recall), num(s.f1), num(row.baseline?.f1 ?? null), signed(row.gain)];
      if (targets) {
        if (row.lang === 'all') cells.push('', '', '');
        else {
          const met = targetsMet(row);
          cells.push(mark(met.precision), mark(met.recall), mark(met.gain));
        }
      }
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** The whole of docs/quality.md. Deterministic: no dates, no timings. */
/** Rules not held to the gain over the baseline, and why. */
const GAIN_NOT_A_TARGET = {
  'reply-without-thanks':
    'it is the reply rule from the advice, not one of the three content rules the targets are set for, and its naive baseline (a thanks word anywhere in the reply) is nearly the rule itself, so no rule could beat it by 0.15; what the rule adds is telling thanks from look-alikes and requests ("thankfully", "we would appreciate it if…"), counting thanks in either language, and a suggested fix.',
};

/** What each later tuning split showed before the rules were tuned on it too. */
const EXTRA_SPLITS = {
  dev2:
    '96 posts written later by a different author, in wording deliberately unlike `dev/`, to see how the rules generalise. Its first measurement, before any tuning on it: defensive-tone recall 0.31 (es) and 0.54 (en), excessive-self-promotion recall 0.70 (en); the rules were then tuned on it as well, so the figures below are no longer a measure of generalisation.',
  dev3:
    '64 posts by a third author, focused on defensive replies and self-promotion in new wording. Before tuning on it: defensive-tone recall 0.60 (es) and 0.30 (en); excessive-self-promotion precision 0.88 in both languages. The rules were then tuned on it too.',
  dev4:
    '96 posts by a fourth author. Before tuning on it: defensive-tone recall 0.50 (es) and 0.58 (en), excessive-self-promotion precision 0.77 (en), no-question-asked recall 0.79 (en). The rules were then tuned on it too, with more general signs (the customer\'s own choices, their words thrown back in quotes, replies that acknowledge nothing).',
  dev5:
    '96 posts by a fifth author. Before tuning on it: defensive-tone recall 0.58 in both languages, excessive-self-promotion precision 0.71 (es), no-question-asked precision 0.82 (en). The rules were then tuned on it too (a contrast that opens the next sentence takes thanks back, guessed blame, patronising tips, attacks on reviewers).',
  dev7:
    '96 posts by a seventh author asked for subtle, polite-sounding defensiveness. Before tuning on it: defensive-tone recall 0.83 (es) and 0.58 (en), no-question-asked precision 0.81 (es) and 0.88 (en), excessive-self-promotion precision 0.82 (es). The rules were then tuned on it too.',
  dev8:
    '96 posts by an eighth author. Before tuning on it: defensive-tone recall 0.50 (es) and 0.67 (en), excessive-self-promotion precision and recall 0.80 (en). The rules were then tuned on it too.',
  dev9:
    '96 posts by a ninth author. Before tuning on it: defensive-tone recall 0.83 (es) and 0.75 (en), excessive-self-promotion precision 0.77 (es) and 0.73 (en). The rules were then tuned on it too.',
  dev10:
    '96 posts by an eleventh author asked for hard near-misses. Before tuning on it: excessive-self-promotion precision 0.53 (es) and 0.80 (en), defensive-tone recall 0.75 (es) and 0.58 (en). The rules were then tuned on it too.',
  dev11:
    '64 replies and statements by a twelfth author, mostly polite, professional-sounding defensiveness. Before tuning on it: defensive-tone recall 0.63 (es) and 0.50 (en). The rules were then tuned on it too.',
  dev12:
    '96 posts by a thirteenth author, scored after the word models were added. Before tuning on it: defensive-tone P 0.90 / R 0.75 (es), P 1.00 / R 0.92 (en); excessive-self-promotion P 0.90 (en); no-question-asked P 0.88 (es). The word models were then retrained with it and the word lists tuned on it.',
  dev13:
    '96 posts by a fifteenth author asked for the hardest near-misses (firm-but-fair versus cold policy replies, news full of "we" versus pitches). Before tuning on it: defensive-tone P 0.86 (es), R 0.92 (en); no-question-asked P 0.82 (en). Then tuned on too.',
  dev14:
    '64 replies and statements by a sixteenth author, where the defensive and the listening half share topics and words. Before tuning on it: defensive-tone P 0.94 / R 0.94 (es), P 1.00 / R 0.69 (en). Then tuned on too.',
  dev15:
    '80 Spanish posts by a seventeenth author: near-misses for self-promotion (posts full of nosotros that are not pitches) and defensive tone (firm-but-fair and formal replies). Before tuning on it: defensive-tone P 0.89 / R 1.00, no-question-asked P 0.92 / R 0.96, excessive-self-promotion P / R 1.00. Then tuned on too.',
  dev16:
    '80 English posts by an eighteenth author: the same kinds of near-misses as dev15. Before tuning on it: defensive-tone P 0.94 / R 1.00, no-question-asked P 0.89 / R 1.00, excessive-self-promotion P 1.00 / R 0.92. Then tuned on too.',
  dev17:
    '64 short replies by a nineteenth author: plain apologies full of negations against short pushback. Before tuning on it: defensive-tone P 0.79 / R 0.94 (es), P 0.88 / R 0.94 (en). Then tuned on too.',
  dev18:
    '96 posts (64 es, 32 en) by a twentieth author on self-promotion: adverts in every form against near-misses full of *we*. Before tuning on it: excessive-self-promotion P 1.00 / R 0.91 (es), P / R 1.00 (en); no-question-asked P 0.94 / R 0.94 (es), P 1.00 / R 0.93 (en). Then tuned on too.',
  dev19:
    '96 posts by a twenty-first author, half es and half en. Before tuning on it: defensive-tone P 1.00 / R 0.90 (es), P 1.00 / R 0.80 (en); no-question-asked R 0.94 (es), 0.88 (en); excessive-self-promotion R 0.90 (en). Then tuned on too.',
  dev20:
    '80 replies and public statements (and 12 posts) by a twenty-second author, quiet defensiveness against hard apologies. Before tuning on it: defensive-tone P 1.00 / R 0.88 (es), P / R 1.00 (en); no-question-asked R 0.83 (es), 0.67 (en). Then tuned on too.',
  dev21:
    '80 ordinary posts by a twenty-third author on self-promotion and questions. Before tuning on it: excessive-self-promotion R 0.92 (es), 0.83 (en); no-question-asked P 1.00 / R 0.85 (es), P 0.94 / R 0.85 (en). Then tuned on too.',
};

/** Held-out splits other than the main one, and what they are. */
const CHECK_SPLITS = {
  check:
    '64 posts by a sixth author who saw none of the other posts, the rules or their word lists, first scored after the tuning on dev4 and dev5 and never tuned on. Unlike `test`, its posts are not siblings of tuning posts, so it is a fairer estimate of how the rules do on drafts they have never seen; with 5–10 positive posts per rule and language, one post moves a figure by 0.1–0.2.',
  check2:
    '64 posts by a tenth author, written after all the tuning (dev4 to dev9) and scored once it was finished; never tuned on. An estimate of how the rules do on unseen wording, with the same caveat about its size.',
  check3:
    '64 posts by a fourteenth author, written while the word models were being added and first scored with them (before the tuning on dev12, which left its figures unchanged); never tuned on. The freshest estimate, with the same caveat about its size.',
};

function extraSplits(evaluation, heldOut, tuning) {
  const splits = new Set(evaluation.rules.flatMap(({ rows }) => rows.map((r) => r.split)));
  return [...splits].filter((s) => s !== heldOut && s !== tuning && !(s in CHECK_SPLITS)).sort();
}

export function renderQualityDoc(evaluation, { heldOut = 'test', tuning = 'dev' } = {}) {
  const perLang = (split) => evaluation.rules.flatMap(({ id, rows }) => rows.filter((r) => r.split === split && r.lang !== 'all').map((r) => ({ id, row: r })));
  const summary = perLang(heldOut).map(({ id, row }) => {
    const met = targetsMet(row);
    const gainCounts = !(id in GAIN_NOT_A_TARGET);
    const all = met.precision && met.recall && (met.gain || !gainCounts);
    const missed = [met.precision ? null : 'precision', met.recall ? null : 'recall', met.gain || !gainCounts ? null : 'gain'].filter(Boolean).join(', ') || '—';
    return `| \`${id}\` | ${row.lang} | ${mark(all)} | ${missed}${gainCounts ? '' : ' (gain not a target, see below)'} |`;
  });
  const gainNotes = Object.entries(GAIN_NOT_A_TARGET).map(([id, why]) => `\`${id}\` is held to precision and recall only: ${why}`);
  const baselineLines = evaluation.rules.filter(({ id }) => BASELINE_DESCRIPTIONS[id]).map(({ id }) => `- \`${id}\`: warns when there is ${BASELINE_DESCRIPTIONS[id]}.`);
  const notes = [
    ...evaluation.missing.map((id) => `- \`${id}\` is not in \`@postlint/rules\` yet, so it is not scored; its labels are ready in the corpus.`),
    "- `too-long` is not scored here: the corpus has no length labels, so a naive `.length > 280` baseline has nothing to be compared against. The rule counts the way each platform does (see [platforms](platforms.md)); its fixtures in `fixtures/rules/too-long/` cover it.",
  ];
  return `# Quality of the content rules

<!-- generated by scripts/eval.mjs (pnpm eval); do not edit by hand -->

How often the content rules agree with an experienced community manager, measured on the
labelled corpus in [\`fixtures/eval/\`](../fixtures/eval/README.md): ${evaluation.posts} invented drafts from small
businesses, half Spanish and half English, about 60 % ordinary posts and 40 % replies to
complaints, each labelled per rule (\`true\`: the rule should warn, \`false\`: it should not,
\`null\`: the rule does not apply and the post is left out of that rule's scores).
The corpus is split into \`${tuning}/\` (rules and word lists are tuned on it) and \`${heldOut}/\`
(held out, only for reporting); each ${heldOut} post is a sibling of a ${tuning} post, so ${heldOut}
scores are somewhat optimistic about unseen drafts. The word models that
\`defensive-tone\` and \`excessive-self-promotion\` consult by default (\`pnpm train\`) learn
from the tuning splits only, never from \`${heldOut}\` or the other held-out splits below.

Each rule runs alone, at \`warn\` with its default options, with platform \`x\`, language
\`{ default: 'en', detect: ['es', 'en'] }\` and the corpus \`brand\`. A rule *predicts true* for a
post when it reports at least one message on it. Language is the label's \`lang\`.
Regenerate with \`pnpm eval\`; CI runs \`pnpm eval:check\`, which fails when this file is stale.
\`pnpm eval --verbose\` lists the ${tuning} split's false positives and false negatives.

## Targets

Per language, on the held-out \`${heldOut}\` split:

- precision ≥ ${TARGETS.precision.toFixed(2)} (a warning is worth reading),
- recall ≥ ${TARGETS.recall.toFixed(2)} (the problem is found),
- F1 at least ${TARGETS.gain.toFixed(2)} above the naive baseline (the rule earns its complexity).

| rule | lang | all targets met | missed |
| --- | --- | :---: | --- |
${summary.join('\n')}

${gainNotes.join('\n\n')}

## Held-out split (\`${heldOut}\`)

${splitTable(evaluation, heldOut, { targets: true })}

${Object.keys(CHECK_SPLITS)
  .filter((split) => evaluation.rules.some(({ rows }) => rows.some((r) => r.split === split)))
  .map((split) => `## Another held-out split (\`${split}\`)\n\n${CHECK_SPLITS[split]}\n\n${splitTable(evaluation, split, { targets: true })}\n`)
  .join('\n')}
## Naive baselines

Each baseline is a one-line check on the post's text without frontmatter, scored on the
same posts as the rule:

${baselineLines.join('\n')}

## Tuning split (\`${tuning}\`)

${splitTable(evaluation, tuning)}

${extraSplits(evaluation, heldOut, tuning)
  .map((split) => `## Further tuning split (\`${split}\`)\n\n${EXTRA_SPLITS[split] ?? 'Written later by another author in different wording, then used for tuning too.'}\n\n${splitTable(evaluation, split)}\n`)
  .join('\n')}
## Not scored

${notes.join('\n')}
`;
}

/** A plain-text table for the terminal. */
export function consoleTable(evaluation) {
  const head = ['rule', 'split', 'lang', 'n', 'TP', 'FP', 'FN', 'TN', 'P', 'R', 'F1', 'base F1', 'gain'];
  const body = [];
  for (const { id, rows } of evaluation.rules) {
    for (const row of rows) {
      const s = row.rule;
      body.push([id, row.split, row.lang, s.n, s.tp, s.fp, s.fn, s.tn, num(s.precision), num(s.recall), num(s.f1), num(row.baseline?.f1 ?? null), signed(row.gain)].map(String));
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}
