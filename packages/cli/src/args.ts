import { parseArgs } from 'node:util';
import { PostlintError, type RuleConfig } from '@postlint/core';

export interface CliOptions {
  readonly patterns: string[];
  readonly format: string;
  readonly outputFile: string | undefined;
  readonly config: string | undefined;
  readonly rules: Record<string, RuleConfig>;
  readonly quiet: boolean;
  readonly maxWarnings: number;
  readonly stdin: boolean;
  readonly stdinFilename: string | undefined;
  readonly printConfig: string | undefined;
  readonly ignorePath: string | undefined;
  readonly ignore: boolean;
  readonly color: boolean | undefined;
  readonly debug: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly cache: boolean;
  readonly cacheLocation: string;
  /** Worker threads: 'auto' decides by the number of files; 1 means none. */
  readonly concurrency: number | 'auto';
  /** 1-based shard index and count, from `--shard 2/4`. */
  readonly shard: { readonly index: number; readonly count: number } | undefined;
}

export const HELP = `Usage: postlint [options] [file|dir|glob ...]
       postlint stats [--format text|json] [file|dir|glob ...]

Lints social-media drafts (Markdown, .txt) for self-promotion, missing questions,
length per platform and defensive replies. Default path: the current directory.

Output:
  -f, --format <name>        stylish (default), json, sarif, github, gitlab, junit
  -o, --output-file <path>   Write the report to a file instead of stdout
      --color / --no-color   Force or disable colours (default: only on a TTY, off with NO_COLOR)
      --quiet                Report errors only
      --max-warnings <n>     Exit 1 when there are more than n warnings

Configuration:
  -c, --config <path>        Use this config file for every file (no search)
      --rule '<id>: <sev>'   Set a rule's severity (off|warn|error), repeatable;
                             JSON options too: --rule 'too-long: [error, {"limits": {"mastodon": 1000}}]'
      --print-config <file>  Print the configuration that applies to a file and exit
      --ignore-path <path>   Ignore file to use instead of .postlintignore
      --no-ignore            Do not use .gitignore, .postlintignore or config ignores

Input:
      --stdin                Lint text from standard input
      --stdin-filename <n>   File name for stdin text (config lookup, output)

Speed and CI:
      --cache                Only re-lint files whose content or config changed
      --cache-location <p>   Cache file or folder (default: .postlintcache)
      --concurrency <n|auto> Worker threads (default auto: only for large runs; 1 = none)
      --shard <i>/<n>        Lint only the i-th of n deterministic slices of the files

Commands:
  stats                      A table per post of length per platform, characters left,
                             hashtags, mentions, language and reading time (--format json too)

Other:
      --debug                Show stack traces for errors
  -v, --version              Print the version
  -h, --help                 Show this help

Exit codes: 0 no errors, 1 lint errors or too many warnings, 2 usage, config or input error.
Docs: https://github.com/postlint/postlint/blob/main/docs/cli.md`;

/** Parses `--rule 'id: severity'` (YAML-ish) or `--rule 'id: [severity, {...}]'` (JSON options). */
function parseRuleFlag(flag: string, into: Record<string, RuleConfig>): void {
  const at = flag.indexOf(':');
  if (at <= 0) throw new PostlintError('usage', `--rule '${flag}': expected 'rule-id: severity'`);
  const id = flag.slice(0, at).trim();
  const value = flag.slice(at + 1).trim();
  if (/^(off|warn|error|0|1|2)$/u.test(value)) {
    into[id] = /^\d$/u.test(value) ? (Number(value) as 0 | 1 | 2) : (value as 'off' | 'warn' | 'error');
    return;
  }
  try {
    const parsed: unknown = JSON.parse(value.replace(/^\[\s*(off|warn|error)\s*,/u, '["$1",'));
    if (Array.isArray(parsed) && parsed.length >= 1) {
      into[id] = parsed as unknown as RuleConfig;
      return;
    }
  } catch {
    // fall through to the error below
  }
  throw new PostlintError('usage', `--rule '${flag}': severity must be off, warn or error, or [severity, {options}]`);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true, default: [] },
        quiet: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        stdin: { type: 'boolean', default: false },
        'stdin-filename': { type: 'string' },
        'print-config': { type: 'string' },
        'ignore-path': { type: 'string' },
        'no-ignore': { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string', default: '.postlintcache' },
        concurrency: { type: 'string', default: 'auto' },
        shard: { type: 'string' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/su, '') : String(error);
    throw new PostlintError('usage', `${message} (see postlint --help)`);
  }
  const v = parsed.values;
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/u.test(v['max-warnings'])) throw new PostlintError('usage', `--max-warnings must be a whole number, not '${v['max-warnings']}'`);
    maxWarnings = Number(v['max-warnings']);
  }
  const rules: Record<string, RuleConfig> = {};
  for (const flag of v.rule) parseRuleFlag(flag, rules);
  let concurrency: number | 'auto' = 'auto';
  if (v.concurrency !== 'auto') {
    if (!/^\d+$/u.test(v.concurrency) || Number(v.concurrency) < 1) throw new PostlintError('usage', `--concurrency must be 'auto' or a number of threads (1 or more), not '${v.concurrency}'`);
    concurrency = Number(v.concurrency);
  }
  let shard: CliOptions['shard'];
  if (v.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/u.exec(v.shard);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count) throw new PostlintError('usage', `--shard must look like 2/4 (the 2nd of 4 slices), not '${v.shard}'`);
    shard = { index, count };
  }
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new PostlintError('usage', '--stdin-filename needs --stdin');
  if (v.stdin && parsed.positionals.length > 0) throw new PostlintError('usage', '--stdin takes no file arguments');
  return {
    patterns: parsed.positionals,
    format: v.format,
    outputFile: v['output-file'],
    config: v.config,
    rules,
    quiet: v.quiet,
    maxWarnings,
    stdin: v.stdin,
    stdinFilename: v['stdin-filename'],
    printConfig: v['print-config'],
    ignorePath: v['ignore-path'],
    ignore: !v['no-ignore'],
    color: v['no-color'] ? false : v.color,
    debug: v.debug,
    help: v.help,
    version: v.version,
    cache: v.cache,
    cacheLocation: v['cache-location'],
    concurrency,
    shard,
  };
}
