import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  ConfigLoader,
  PostlintError,
  docsUrl,
  fatalResult,
  getPlatform,
  lintText,
  resolveRuleOptions,
  suggestName,
  type LintResult,
  type ResolvedConfig,
  type RuleInfo,
} from '@postlint/core';
import { DEFAULT_PRESET, presets, rules } from '@postlint/rules';
import { HELP, parseCliArgs, type CliOptions } from './args.js';
import { discover } from './discover.js';
import { formatterNames, getFormatter } from './formatters/index.js';
import { readDraft, type ReadFile } from './read.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => Promise<string>;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
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

async function readStdin(io: Io): Promise<string> {
  return io.stdin();
}

/** Runs postlint and returns the exit code: 0 clean, 1 lint errors/too many warnings, 2 usage/config/input error. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions | undefined;
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
    const formatter = getFormatter(options.format);
    if (!formatter) throw new PostlintError('usage', `unknown format '${options.format}' (use one of: ${formatterNames.join(', ')})`);

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
    /** The config for a file, or null when it is ignored or its config is broken (reported once). */
    const configFor = async (filePath: string): Promise<ResolvedConfig | null> => {
      try {
        const { config, ignored } = await loader.forFile(filePath);
        return ignored ? null : config;
      } catch (error) {
        // A broken config only stops the files it governs; the others are still linted.
        if (!(error instanceof PostlintError) || error.kind !== 'config' || options?.config !== undefined) throw error;
        if (!badConfigs.has(error.message)) {
          badConfigs.add(error.message);
          io.stderr(`postlint: ${error.message}\n`);
        }
        problems++;
        return null;
      }
    };
    const lintOne = async (filePath: string, text: string): Promise<void> => {
      const config = await configFor(filePath);
      if (config) results.push(await lintText(text, { filePath, config, rules }));
    };

    if (options.stdin) {
      const name = options.stdinFilename === undefined ? '<stdin>' : resolve(io.cwd, options.stdinFilename);
      await lintOne(name, await readStdin(io));
    } else {
      const found = await discover(options.patterns, { cwd: io.cwd, useIgnoreFiles: options.ignore, ignorePath: options.ignorePath });
      for (const problem of found.problems) io.stderr(`postlint: ${problem}\n`);
      problems += found.problems.length;
      for (const file of found.files) {
        const outcome = await readDraft(file, io.readFile);
        if ('problem' in outcome) {
          // Only the config's `ignores` can hide a broken file; the file is otherwise reported.
          if (await configFor(file)) results.push(fatalResult(file, outcome.problem, outcome.line));
          continue;
        }
        await lintOne(file, outcome.text);
      }
    }

    const shown = options.quiet ? results.map(onlyErrors) : results;
    const output = formatter(shown, { cwd: io.cwd, color: useColor(options, io), rules: ruleInfo, version: VERSION });
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
  }
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 2);
  return { ...result, messages, warningCount: 0 };
}
