import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import {
  ConfigLoader,
  PostlintError,
  docsUrl,
  fatalResult,
  getPlatform,
  parsePost,
  stripBom,
  resolveRuleOptions,
  suggestName,
  type LintResult,
  type ResolvedConfig,
  type RuleInfo,
} from '@postlint/core';
import { DEFAULT_PRESET, presets, rules, rulesFingerprint } from '@postlint/rules';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { discover } from './discover.js';
import { formatterNames, getFormatter, type Formatter } from './formatters/index.js';
import { decodeDraft, readDraft, type ReadFile } from './read.js';
import { LintCache, sha1 } from './cache.js';
import { WorkerPool } from './pool.js';
import { lintBatch, type Task } from './worker.js';
import { statsTable } from './stats.js';
import { inOrder, Progress } from './progress.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => Promise<Buffer>;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (for the progress line). */
  readonly stderrIsTTY?: boolean;
  /** Injected in tests to simulate unreadable files. */
  readonly readFile?: ReadFile;
}

const ruleInfo: ReadonlyMap<string, RuleInfo> = new Map(
  [...rules.values()].map((r) => [r.meta.id, { id: r.meta.id, description: r.meta.description.en, docsUrl: docsUrl(r.meta.id), recommended: r.meta.recommended }]),
);

function useColor(options: CliOptions, io: Io): boolean {
  if (options.color !== undefined) return options.color;
  if (options.outputFile !== undefined) return false;
  if ('NO_COLOR' in io.env && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY;
}

/** Runs postlint and returns the exit code: 0 clean, 1 lint errors/too many warnings, 2 usage/config/input error. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions | undefined;
  let pool: WorkerPool | null = null;
  try {
    options = parseCliArgs(argv);
    if (options.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (options.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const stats = options.patterns[0] === 'stats';
    // Check the format before any work, so a typo fails at once.
    if (stats && !['stylish', 'text', 'json'].includes(options.format)) {
      throw new PostlintError('usage', `postlint stats: unknown format '${options.format}' (use text or json)`);
    }
    if (!stats) requireFormatter(options.format);

    // --rule flags apply to every file: a typo there is a usage error, not a per-file one.
    for (const [id, value] of Object.entries(options.rules)) {
      const rule = rules.get(id);
      if (!rule) throw new PostlintError('usage', `--rule: unknown rule '${id}'${suggestName(id, rules.keys())}`);
      if (Array.isArray(value)) resolveRuleOptions(rule.meta, value[1], '--rule');
    }

    const loader = new ConfigLoader({
      cwd: io.cwd,
      ...(options.config === undefined ? {} : { configFile: options.config }),
      presets,
      defaultPreset: DEFAULT_PRESET,
      rules,
      isPlatform: (id) => getPlatform(id) !== undefined,
      ruleFlags: options.rules,
    });

    if (options.printConfig !== undefined) {
      const { config, configPath } = await loader.forFile(resolve(io.cwd, options.printConfig));
      io.stdout(`${JSON.stringify({ configFile: configPath, ...config }, null, 2)}\n`);
      return 0;
    }

    const results: LintResult[] = [];
    let problems = 0;
    const badConfigs = new Set<string>();
    const opts = options;
    // Worker threads for a run of `files` (0: lint on this thread). `--concurrency 1` is no workers.
    const threadsFor = (files: number): number => (opts.concurrency === 'auto' ? autoThreads(files) : opts.concurrency > 1 ? opts.concurrency : 0);
    const startPool = (threads: number): WorkerPool | null => (threads > 0 ? new WorkerPool(threads) : null);
    /** Files the user named (or piped in): being skipped deserves a word. */
    const explicit = new Set<string>();
    /** The config for a file, or null when it is ignored or its config is broken (reported once). */
    const configFor = async (filePath: string): Promise<ResolvedConfig | null> => {
      try {
        const { config, ignored } = await loader.forFile(filePath);
        if (!ignored || !opts.ignore) return config;
        if (explicit.has(filePath)) io.stderr(`postlint: ${relative(io.cwd, filePath) || filePath}: ignored by the config's ignores (use --no-ignore to lint it)\n`);
        return null;
      } catch (error) {
        // A broken config only stops the files it governs; the others are still linted.
        if (!(error instanceof PostlintError) || error.kind !== 'config' || opts.config !== undefined) throw error;
        if (!badConfigs.has(error.message)) {
          badConfigs.add(error.message);
          io.stderr(`postlint: ${error.message}\n`);
        }
        problems++;
        return null;
      }
    };

    // Files to lint, in order. Their texts stay here only when they are linted on this thread
    // (or for stats); files handed to the threads keep just what the cache needs.
    const tasks: (Task & { readonly text: string })[] = [];
    const linted: { readonly file: string; readonly config: ResolvedConfig; readonly hash: string }[] = [];
    const cache = options.cache && !stats ? await LintCache.open(options.cacheLocation, io.cwd, `${VERSION}:${rulesFingerprint()}`) : null;
    if (options.stdin) {
      const file = options.stdinFilename === undefined ? '<stdin>' : resolve(io.cwd, options.stdinFilename);
      explicit.add(file);
      const config = await configFor(file);
      const outcome = decodeDraft(await io.stdin());
      if (config) {
        if ('problem' in outcome) results.push(fatalResult(file, outcome.problem, outcome.line));
        else {
          tasks.push({ file, text: outcome.text, config });
          linted.push({ file, config, hash: '' });
        }
      }
    } else {
      const found = await discover(stats ? options.patterns.slice(1) : options.patterns, { cwd: io.cwd, useIgnoreFiles: options.ignore, ignorePath: options.ignorePath });
      for (const file of found.explicit) explicit.add(file);
      for (const problem of found.problems) io.stderr(`postlint: ${problem}\n`);
      for (const note of found.notes) io.stderr(`postlint: ${note}\n`);
      problems += found.problems.length;
      const { shard } = options;
      // Round-robin over the sorted list: deterministic, and every file is in exactly one shard.
      const files = shard ? found.files.filter((_, i) => i % shard.count === shard.index - 1) : found.files;
      // Without a cache every file will be linted: start the threads now, while the files are read.
      if (!cache && !stats) pool = startPool(threadsFor(files.length));
      // Each thread then reads its own files: read here, 10k texts would wait in this thread's
      // heap for a free thread, and grow it by tens of MB.
      const threadsRead = pool !== null && !io.readFile;
      const progress = new Progress(threadsRead ? 0 : files.length, io);
      // Read ahead: many small files are bound by I/O latency, not by the disk.
      const reads = threadsRead
        ? []
        : inOrder(files, 32, async (file) => {
            const outcome = await readDraft(file, io.readFile);
            progress.tick('reading');
            return outcome;
          });
      for (const [i, file] of files.entries()) {
        const outcome = threadsRead ? null : await reads[i];
        const config = await configFor(file);
        if (!config) continue;
        if (threadsRead) {
          linted.push({ file, config, hash: '' });
          pool?.add({ file, config });
          continue;
        }
        if (!outcome) continue;
        if ('problem' in outcome) {
          results.push(fatalResult(file, outcome.problem, outcome.line));
          continue;
        }
        const hash = cache ? sha1(outcome.text) : '';
        const cached = cache?.get(file, hash, config);
        if (cached) results.push(cached);
        else {
          const task = { file, text: outcome.text, config };
          linted.push({ file, config, hash });
          if (pool) pool.add(task);
          else tasks.push(task);
        }
      }
      progress.done();
    }

    if (stats) {
      // `postlint stats`: parse the same files with the same config, print lengths instead of problems.
      const posts = [];
      for (const task of tasks) {
        try {
          posts.push(parsePost(stripBom(task.text), relative(io.cwd, task.file) || task.file, { platforms: task.config.platforms, language: task.config.language }));
        } catch (error) {
          if (!(error instanceof PostlintError)) throw error;
          io.stderr(`postlint: ${relative(io.cwd, task.file) || task.file}: ${error.message}\n`);
          problems++;
        }
      }
      for (const r of results) io.stderr(`postlint: ${relative(io.cwd, r.filePath) || r.filePath}: ${r.messages[0]?.message ?? 'cannot be read'}\n`);
      const lang = (io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG ?? '').startsWith('es') ? 'es' : 'en';
      const table = statsTable(posts, { format: options.format === 'json' ? 'json' : 'text', lang });
      if (options.outputFile !== undefined) await writeFile(resolve(io.cwd, options.outputFile), table);
      else io.stdout(table);
      return problems > 0 || results.length > 0 ? 2 : 0;
    }

    if (!pool) {
      pool = startPool(threadsFor(tasks.length));
      if (pool) for (const task of tasks.splice(0)) pool.add(task);
    }
    const progress = new Progress(linted.length, io);
    const outcomes = pool
      ? await pool.finish((n) => {
          progress.set(n, 'linting');
        })
      : await lintBatch(tasks, () => {
          progress.tick('linting');
        });
    progress.done();
    pool = null; // finish() has stopped its threads
    outcomes.forEach((outcome, i) => {
      const task = linted[i];
      if (!task) return;
      if ('error' in outcome) {
        // A problem in one file (a rule failing on odd input) must not stop the others.
        if (outcome.kind !== 'input') throw new Error(`${task.file}: ${outcome.error}`);
        results.push(fatalResult(task.file, outcome.error));
        return;
      }
      results.push(outcome.result);
      if (cache && !opts.stdin && outcome.result.fatalErrorCount === 0) cache.set(task.file, task.hash, task.config, outcome.result);
    });
    await cache?.save();
    results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

    const shown = options.quiet ? results.map(onlyErrors) : results;
    const output = requireFormatter(options.format)(shown, { cwd: io.cwd, color: useColor(options, io), rules: ruleInfo, version: VERSION });
    if (options.outputFile !== undefined) {
      const path = resolve(io.cwd, options.outputFile);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, output);
    } else if (output !== '') io.stdout(output.endsWith('\n') ? output : `${output}\n`);

    const fatal = shown.some((r) => r.fatalErrorCount > 0);
    const errors = shown.reduce((n, r) => n + r.errorCount, 0);
    const warnings = shown.reduce((n, r) => n + r.warningCount, 0);
    if (fatal || problems > 0) return 2;
    if (errors > 0) return 1;
    if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
      io.stderr(`postlint: too many warnings (${warnings}); the maximum allowed is ${options.maxWarnings}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof PostlintError) {
      const where = error.file !== undefined && !error.message.startsWith(error.file) ? `${error.file}: ` : '';
      io.stderr(`postlint: ${where}${error.message}\n`);
      if (options?.debug === true && error.stack) io.stderr(`${error.stack}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`postlint: internal error: ${message}${options?.debug === true ? '' : ' (run with --debug for details)'}\n`);
    if (options?.debug === true && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return 2;
  } finally {
    // Threads started early must not outlive a run that stopped on an error.
    await pool?.close();
  }
}

function requireFormatter(name: string): Formatter {
  const formatter = getFormatter(name);
  if (!formatter) throw new PostlintError('usage', `unknown format '${name}' (use one of: ${formatterNames.join(', ')})`);
  return formatter;
}

/**
 * Threads only pay off when there is a lot to lint: starting one costs about as much as
 * linting ~300 posts. Then one per core but one, as Jest does: this thread keeps a core to
 * find, hand out and collect the files. Even one worker beats linting here on a big run: a
 * worker's heap is bounded, where this thread's would grow to several times its live data.
 */
function autoThreads(files: number): number {
  if (files < 1000) return 0;
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0 };
}
