// `pnpm bench`: measures postlint on generated corpora and writes bench/results.md.
//
// A benchmark, not a test: it exits 0 when every measurement ran, whatever the targets
// say (they are reported with ✅/❌), 1 when a measured command failed, 2 when it cannot
// start (no corpus generator, postlint not built). See bench/README.md.
//
//   node scripts/bench.mjs [--runs N]     (pnpm bench builds first: tsc -b)
//
// Plain Node ESM, no dependencies. Every measured command is a child process started
// without NODE_EXTRA_CA_CERTS (it adds ~50 ms to each Node start on the dev machines).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR = resolve(root, '../shared/bench/gen-corpus.mjs');
const POSTLINT = join(root, 'packages/cli/bin/postlint.js');
const POSTLINT_DIST = join(root, 'packages/cli/dist/bin.js');
const WRITE_GOOD = join(root, 'node_modules/write-good/bin/write-good.js');
const BENCH_DIR = join(root, 'bench');
const RESULTS = join(BENCH_DIR, 'results.md');
const SIZES = [5000, 10000, 20000];
const MAIN = 10000;
const SEED = '1';
const COLD_RUNS = 5;

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
if (!Number.isInteger(RUNS) || RUNS < 1 || args.some((a, i) => a !== '--runs' && args[i - 1] !== '--runs')) {
  console.error('usage: node scripts/bench.mjs [--runs N]   (N ≥ 1, default 3)');
  process.exit(2);
}

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const fail = (line) => {
  process.stderr.write(`bench: ${line}\n`);
  process.exit(2);
};

if (!existsSync(GENERATOR)) {
  fail(`corpus generator not found at ${GENERATOR}; it is shared/bench/gen-corpus.mjs of the project's shared/ folder, which must sit beside this repo as ../shared (copy or link it there)`);
}
if (!existsSync(POSTLINT_DIST)) fail(`postlint is not built (${relative(root, POSTLINT_DIST)} missing): run \`npx tsc -b\` or \`pnpm bench\``);

/** Environment of every child: ours without NODE_EXTRA_CA_CERTS. */
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;

/**
 * The built code that runs: every file under packages/*\/dist and rules/dist, by size and
 * mtime. Compared at the start and the end, so that a rebuild by someone else during the
 * run (the numbers then mix two builds) is flagged in the results.
 */
function buildStamp() {
  const dists = [
    ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'dist')),
    join(root, 'rules', 'dist'),
  ].filter((d) => existsSync(d));
  const parts = [];
  for (const d of dists) {
    for (const f of readdirSync(d, { recursive: true }).map(String).sort()) {
      const info = statSync(join(d, f));
      if (info.isFile()) parts.push(`${relative(root, join(d, f))}:${info.size}:${info.mtimeMs}`);
    }
  }
  return parts.join('\n');
}
const stampAtStart = buildStamp();
const git = (gitArgs) => {
  const r = spawnSync('git', gitArgs, { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
};
const commitAtStart = git(['describe', '--always', '--dirty']);
const startedAt = new Date();

const tmp = mkdtempSync(join(os.tmpdir(), 'postlint-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------
// Peak RSS. GNU time's %M is the child's ru_maxrss from wait4() (KiB), taken by the kernel
// for exactly the process we start: the most reliable figure, and free (no polling).
// Without /usr/bin/time every measured command is a Node process, so a preload module
// records process.resourceUsage().maxRSS (the same getrusage() counter) on 'exit'.
// ---------------------------------------------------------------------------------------
const RSS_PRELOAD = join(tmp, 'rss-preload.mjs');
writeFileSync(
  RSS_PRELOAD,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => { try { writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n",
);

function probeGnuTime() {
  if (process.env.BENCH_RSS === 'node' || !existsSync('/usr/bin/time')) return false;
  const out = join(tmp, 'probe.rss');
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, '-e', 'new Array(1e6).fill(0)'], { env: childEnv, stdio: 'ignore' });
  if (r.status !== 0 || !existsSync(out)) return false;
  const kib = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  return Number.isFinite(kib) && kib > 1000;
}
const GNU_TIME = probeGnuTime();
const RSS_METHOD = GNU_TIME ? '/usr/bin/time -f %M (ru_maxrss of the child, from wait4)' : 'process.resourceUsage().maxRSS recorded on exit by a --import preload';

/**
 * Runs `node script ...args` in `cwd`, stdout to /dev/null, and returns wall time (ms),
 * peak RSS (bytes), exit status and stderr.
 */
function measure(script, scriptArgs, cwd) {
  const rssFile = join(tmp, `rss-${process.hrtime.bigint()}`);
  const [cmd, cmdArgs, env] = GNU_TIME
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, script, ...scriptArgs], childEnv]
    : [process.execPath, ['--import', RSS_PRELOAD, script, ...scriptArgs], { ...childEnv, BENCH_RSS_FILE: rssFile }];
  const start = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  let rss = null;
  let signaled = r.signal !== null;
  if (existsSync(rssFile)) {
    // GNU time writes "Command exited with non-zero status N" or "Command terminated by
    // signal N" before %M: take the last line, and look for the signal.
    const text = readFileSync(rssFile, 'utf8');
    const kib = Number(text.trim().split('\n').pop());
    if (Number.isFinite(kib)) rss = kib * 1024;
    if (/terminated by signal/u.test(text)) signaled = true;
    rmSync(rssFile, { force: true });
  }
  if (r.error) throw r.error;
  return { ms, rss, status: r.status, signaled, stderr: r.stderr.toString('utf8') };
}

// ---------------------------------------------------------------------------------------
// Corpora
// ---------------------------------------------------------------------------------------
function countPosts(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
}

function corpus(n) {
  const dir = join(BENCH_DIR, `corpus-${n}`);
  if (existsSync(dir)) {
    const found = countPosts(dir);
    if (found === n && existsSync(join(dir, 'manifest.jsonl'))) {
      log(`reusing ${relative(root, dir)} (${n} posts)`);
      return dir;
    }
    log(`${relative(root, dir)} has ${found} posts, not ${n}: regenerating`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(BENCH_DIR, { recursive: true });
  const r = spawnSync(process.execPath, [GENERATOR, dir, String(n), SEED], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) fail(`gen-corpus.mjs failed for N=${n} (exit ${r.status})`);
  log(r.stdout.toString().trim());
  return dir;
}

// ---------------------------------------------------------------------------------------
// Measured commands
// ---------------------------------------------------------------------------------------
const failures = [];
const firstLine = (text) => text.trim().split('\n')[0] ?? '';
const exitText = (r) => (r.signaled ? 'killed by a signal' : `exit ${r.status}`);

/**
 * One postlint run over `cwd` (default config: the corpus has none). Exit 0 and 1 are
 * success; exit 2 with "Unknown option" means the flag does not exist (yet): 'unavailable'.
 * The JSON report goes to a temp file, so that each run can be checked to have linted
 * every post (a benchmark that silently linted nothing would look very fast).
 */
function postlint(label, cwd, extra, expectFiles) {
  const out = join(tmp, 'report.json');
  rmSync(out, { force: true });
  const r = measure(POSTLINT, ['--format', 'json', '-o', out, ...extra, '.'], cwd);
  if (r.status === 2 && /Unknown option/u.test(r.stderr)) return { unavailable: firstLine(r.stderr) };
  if (r.signaled || (r.status !== 0 && r.status !== 1)) {
    const why = `${label}: ${exitText(r)}: ${firstLine(r.stderr) || '(no message)'}`;
    failures.push(why);
    log(`FAILED ${why}`);
    return { failed: why };
  }
  let linted = -1;
  try {
    linted = JSON.parse(readFileSync(out, 'utf8')).length;
  } catch {
    // counted as a mismatch below
  }
  if (expectFiles !== undefined && linted !== expectFiles) {
    const why = `${label}: the report has ${linted} files, expected ${expectFiles}`;
    failures.push(why);
    log(`FAILED ${why}`);
    return { failed: why };
  }
  log(`${label}: ${fmtS(r.ms)}, peak RSS ${fmtMB(r.rss)}`);
  return r;
}

/**
 * write-good over the same posts, one process for all of them, as a user runs it
 * (`write-good drafts/**\/*.md`: the shell expands the glob; here we pass the sorted list).
 * Its exit code is its suggestion count modulo 256, so only a signal or a stderr line
 * counts as a failure.
 */
function writeGood(label, cwd, files) {
  const r = measure(WRITE_GOOD, files, cwd);
  if (r.signaled || r.stderr.trim() !== '') {
    const why = `${label}: ${exitText(r)}: ${firstLine(r.stderr) || '(no message)'}`;
    failures.push(why);
    log(`FAILED ${why}`);
    return { failed: why };
  }
  log(`${label}: ${fmtS(r.ms)}, peak RSS ${fmtMB(r.rss)}`);
  return r;
}

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtS = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`);
const fmtX = (x) => (x === undefined ? 'n/a' : `${x.toFixed(2)}×`);

/** Summary of repeated runs: median time, median RSS, and each run's time. */
function summarize(runs) {
  const ok = runs.filter((r) => r.ms !== undefined);
  const bad = runs.find((r) => r.failed || r.unavailable);
  if (ok.length === 0) return { note: bad?.failed ? `failed (${bad.failed})` : `not available (${bad?.unavailable ?? 'not run'})` };
  const rss = ok.map((r) => r.rss).filter((x) => x != null);
  return {
    ms: median(ok.map((r) => r.ms)),
    rss: rss.length ? median(rss) : null,
    each: ok.map((r) => fmtS(r.ms)).join(', '),
    note: ok.length < runs.length ? `${runs.length - ok.length} of ${runs.length} runs failed` : undefined,
  };
}

// ---------------------------------------------------------------------------------------
// The benchmark
// ---------------------------------------------------------------------------------------
const t0 = performance.now();
log(`peak RSS via ${RSS_METHOD}`);
const dirs = Object.fromEntries(SIZES.map((n) => [n, corpus(n)]));
const mainDir = dirs[MAIN];
const mainFiles = readdirSync(mainDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.md'))
  .sort();

// Cold start: one English post (English is the heavier NLP path), median of 5.
const manifest = readFileSync(join(mainDir, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const onePost = (manifest.find((p) => p.lang === 'en') ?? manifest[0]).path;
const coldRuns = [];
for (let i = 0; i < COLD_RUNS; i++) {
  const r = measure(POSTLINT, ['--format', 'json', '-o', join(tmp, 'one.json'), onePost], mainDir);
  if (r.signaled || (r.status !== 0 && r.status !== 1)) {
    const why = `cold start: ${exitText(r)}: ${firstLine(r.stderr) || '(no message)'}`;
    failures.push(why);
    coldRuns.push({ failed: why });
  } else coldRuns.push(r);
}
const cold = summarize(coldRuns);
log(`cold start (1 post, median of ${COLD_RUNS}): ${cold.ms === undefined ? cold.note : fmtS(cold.ms)}`);

// Cache: fill once; the timed runs below are unchanged re-runs.
const cacheLocation = join(tmp, 'cache', 'postlintcache');
mkdirSync(dirname(cacheLocation), { recursive: true });
const cacheArgs = ['--cache', '--cache-location', cacheLocation];
const fill = postlint('10k cache fill', mainDir, cacheArgs, MAIN);
const haveCache = fill.ms !== undefined;

// The 10k measurements, interleaved round by round so that the shared machine's noise
// falls on every command alike.
const main10k = [];
const wg10k = [];
const cached = haveCache ? [] : [fill];
const conc = [];
const conc1 = [];
let haveConcurrency = true;
// 5k and 20k run in every round too, right after the 10k run, so that a busy minute on the
// shared machine does not fall on one size only (single runs gave 20k / 10k anywhere from
// 1.7× to 2.7× on the same code).
const scaleRuns = Object.fromEntries(SIZES.filter((n) => n !== MAIN).map((n) => [n, []]));
for (let round = 1; round <= RUNS; round++) {
  main10k.push(postlint(`10k #${round}`, mainDir, [], MAIN));
  for (const n of SIZES) if (n !== MAIN) scaleRuns[n].push(postlint(`${n / 1000}k #${round}`, dirs[n], [], n));
  if (existsSync(WRITE_GOOD)) wg10k.push(writeGood(`write-good 10k #${round}`, mainDir, mainFiles));
  else if (round === 1) wg10k.push({ unavailable: `write-good not installed at ${relative(root, WRITE_GOOD)}; run pnpm install` });
  if (haveConcurrency) {
    const r = postlint(`10k --concurrency 2 #${round}`, mainDir, ['--concurrency', '2'], MAIN);
    conc.push(r);
    if (r.unavailable) haveConcurrency = false;
    else conc1.push(postlint(`10k --concurrency 1 #${round}`, mainDir, ['--concurrency', '1'], MAIN));
  }
  if (haveCache) cached.push(postlint(`10k cached re-run #${round}`, mainDir, cacheArgs, MAIN));
}

// Scaling: the medians of the 5k and 20k runs of the rounds above, against the 10k median.
const scale = {};
for (const n of SIZES) if (n !== MAIN) scale[n] = summarize(scaleRuns[n]);

const m = summarize(main10k);
const w = summarize(wg10k);
const c = summarize(conc);
const c1 = conc1.length ? summarize(conc1) : c;
const k = summarize(cached);
scale[MAIN] = m;

// ---------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------
const rebuilt = buildStamp() !== stampAtStart;
if (rebuilt) log('WARNING: the build (packages/*/dist, rules/dist) changed during the run; the numbers mix two builds');
const rows = [];
const row = (what, value, note = '') => rows.push([what, value, note]);
const ratio = (a, b) => (a?.ms !== undefined && b?.ms !== undefined ? a.ms / b.ms : undefined);
const runsNote = (s) => (s.each ? `median of ${RUNS}: ${s.each}` : s.note ?? '');

if (m.ms !== undefined) {
  row('10k posts: wall time', fmtS(m.ms), `default options; ${runsNote(m)}`);
  row('10k posts: files/s', `${Math.round(MAIN / (m.ms / 1000))}`, '');
  row('10k posts: ms per file', (m.ms / MAIN).toFixed(2), '');
  row('10k posts: peak RSS', fmtMB(m.rss), `median of ${RUNS}`);
} else row('10k posts', '—', m.note);
row(`cold start, 1 post`, cold.ms === undefined ? '—' : fmtS(cold.ms), cold.each ? `median of ${COLD_RUNS}: ${cold.each}; ${onePost}` : cold.note);
const cacheRatio = ratio(k, m);
row('cached re-run, 10k unchanged', k.ms === undefined ? 'not available' : fmtS(k.ms), k.ms === undefined ? k.note : `${runsNote(k)}; peak RSS ${fmtMB(k.rss)}`);
row('cached / cold 10k', cacheRatio === undefined ? '—' : `${(cacheRatio * 100).toFixed(1)}%`, '');
const concRatio = ratio(c, m);
row('10k with --concurrency 2 (two workers)', c.ms === undefined ? 'not available' : fmtS(c.ms), c.ms === undefined ? c.note : `${runsNote(c)}; peak RSS ${fmtMB(c.rss)}; ${fmtX(concRatio)} of the default run`);
const c1Ratio = ratio(c1, m);
row('10k with --concurrency 1 (one thread)', c1.ms === undefined ? 'not available' : fmtS(c1.ms), c1.ms === undefined ? c1.note : `${runsNote(c1)}; peak RSS ${fmtMB(c1.rss)}; ${fmtX(c1Ratio)} of the default run`);
for (const n of SIZES) {
  const s = scale[n];
  row(`${n / 1000}k posts: wall time`, s.ms === undefined ? '—' : fmtS(s.ms), n === MAIN ? `median of ${RUNS} (above)` : s.ms === undefined ? s.note : `${runsNote(s)}; peak RSS ${fmtMB(s.rss)}; ${(s.ms / n).toFixed(2)} ms/file`);
}
const scaleRatio = ratio(scale[20000], scale[10000]);
row('20k / 10k', scaleRatio === undefined ? '—' : fmtX(scaleRatio), 'linear is 2.00×');
row('write-good, same 10k posts', w.ms === undefined ? 'not available' : fmtS(w.ms), w.ms === undefined ? w.note : `${runsNote(w)}; peak RSS ${fmtMB(w.rss)}; one process, all files`);
const wgRatio = ratio(m, w);
row('postlint / write-good (10k)', wgRatio === undefined ? '—' : fmtX(wgRatio), '< 1 means postlint is faster');
const wg1Ratio = ratio(c1, w);
if (conc1.length) row('postlint --concurrency 1 / write-good', wg1Ratio === undefined ? '—' : fmtX(wg1Ratio), 'both on one thread');

const check = (value, ok) => (value === undefined ? '—' : ok ? '✅' : '❌');
const targets = [
  ['10k faster than write-good', 'ratio < 1.0', wgRatio === undefined ? 'n/a' : fmtX(wgRatio), check(wgRatio, wgRatio < 1)],
  ['10k faster than write-good (stretch)', 'ratio < 0.5', wgRatio === undefined ? 'n/a' : fmtX(wgRatio), check(wgRatio, wgRatio < 0.5)],
  ['peak RSS, 10k', '< 200 MB', fmtMB(m.rss), check(m.rss ?? undefined, m.rss < 200e6)],
  ['cold start, 1 post', '< 250 ms', cold.ms === undefined ? 'n/a' : fmtS(cold.ms), check(cold.ms, cold.ms < 250)],
  ['cached re-run', '< 15% of cold 10k', cacheRatio === undefined ? 'not available' : `${(cacheRatio * 100).toFixed(1)}%`, check(cacheRatio, cacheRatio < 0.15)],
  ['20k vs 10k', '≤ 2.1×', scaleRatio === undefined ? 'n/a' : fmtX(scaleRatio), check(scaleRatio, scaleRatio <= 2.1)],
];

const table = (head, body) => {
  const esc = (cell) => String(cell).replaceAll('|', '\\|');
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
};

const cpus = os.cpus();
const machine = [
  `- Date: ${startedAt.toISOString().replace(/\.\d+Z$/u, 'Z')} (start of the run)`,
  `- Commit: ${commitAtStart} at the start (postlint ${JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version})`,
  `- Cores: ${cpus.length} (os.cpus().length)`,
  `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}`,
  `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Node: ${process.version} (${process.platform}/${process.arch}); NODE_EXTRA_CA_CERTS removed from every measured command's environment`,
  `- Corpus: shared/bench/gen-corpus.mjs, seed ${SEED}; default config (no config file in the corpus); \`--format json -o <tmp file>\``,
  `- Peak RSS: ${RSS_METHOD}; MB = 10⁶ bytes`,
  `- Total bench time: ${fmtS(performance.now() - t0)}`,
];

const md = [
  '# postlint benchmark results',
  '',
  'Generated by scripts/bench.mjs — do not edit. Run `pnpm bench` to refresh; bench/README.md explains each figure.',
  '',
  ...machine,
  '',
  '## Measurements',
  '',
  table(['Measurement', 'Value', 'Notes'], rows),
  '',
  '## Targets',
  '',
  table(['Target', 'Goal', 'Measured', ''], targets),
  '',
  ...(failures.length ? ['## Failures', '', ...failures.map((f) => `- ${f}`), ''] : []),
  ...(rebuilt ? ['**Warning:** the build (packages/*/dist, rules/dist) changed while the bench ran (someone ran `tsc -b`); the figures mix two builds. Run it again on a quiet tree.', ''] : []),
  'The machine is shared and noisy: absolute times move from run to run; compare the ratios, which are taken within one run.',
  '',
].join('\n');

writeFileSync(RESULTS, md);
process.stdout.write(`\n${table(['Measurement', 'Value', 'Notes'], rows)}\n\n${table(['Target', 'Goal', 'Measured', ''], targets)}\n\n`);
log(`wrote ${relative(root, RESULTS)}`);
if (failures.length) {
  log(`${failures.length} measured command(s) failed:`);
  for (const f of failures) log(`  ${f}`);
  process.exitCode = 1;
}
