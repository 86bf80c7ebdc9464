/**
 * What the tests of docs/integrations.md share: the page's snippets, throwaway git
 * repositories with an isolated environment, a few posts, and small YAML readers.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { BIN, tempDir, tree } from './helpers.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
export const TIMEOUT = 20_000;

// `js-yaml` is a dependency of @postlint/core, not of this package: load it from there.
export const { load: parseYaml } = createRequire(join(ROOT, 'packages', 'core', 'package.json'))('js-yaml') as { load: (text: string) => unknown };

// ---------------------------------------------------------------- small helpers

export type Dict = Record<string, unknown>;

export function dict(value: unknown, what: string): Dict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: expected a mapping`);
  return value as Dict;
}

export function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a list`);
  return value as unknown[];
}

export function text(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${what}: expected a scalar`);
}

/** What a finished child process left: its exit code and both streams. */
export interface Proc {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Output of a child process, both streams, for assertions and failure messages. */
export function output(result: Proc): string {
  return `${result.stdout}${result.stderr}`;
}

/** spawnSync's result, without blocking: independent runs can share the machine's cores. */
export function spawnAsync(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { timeout: TIMEOUT, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

/** Single-quotes a value for a POSIX shell script. */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function writeExecutable(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, 0o755);
}

/** A `postlint` command that runs the built bin of this checkout, like an installed postlint. */
export function postlintShim(binDir: string): void {
  writeExecutable(join(binDir, 'postlint'), `#!/bin/sh\nexec ${shQuote(process.execPath)} ${shQuote(BIN)} "$@"\n`);
}

/**
 * An environment with nothing of the developer's git or shell setup in it: a new HOME, no git
 * config. `base` is kept under it (a test that installs from the network passes the machine's
 * proxy and certificate variables this way).
 */
export function isolatedEnv(extraPath: readonly string[], base: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = tempDir('postlint-home-');
  return {
    ...base,
    PATH: [...extraPath, dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
  };
}

/**
 * The machine's environment minus what a package manager running this test put in it
 * (`npm_config_*`, `npm_package_*`, … from `pnpm run`): a user's npm would not see those.
 * Proxy and certificate settings stay, and npm's download cache is the usual one.
 */
export function machineEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, npm_config_cache: join(homedir(), '.npm') };
}

// ---------------------------------------------------------------- posts

const post = (body: string): string => `---\nplatform: x\nlang: en\n---\n\n${body}\n`;
export const CLEAN = post('Which loaf should we bake for Sunday, rye or spelt? Tell us in the replies!');
export const WARNING_ONLY = post('The shop is open on Sunday from nine to two.');
export const TOO_LONG = post(`${'Which loaf should we bake for Sunday, rye or spelt? '.repeat(12)}Tell us!`);

// ---------------------------------------------------------------- docs/integrations.md

const DOCS = readFileSync(join(ROOT, 'docs', 'integrations.md'), 'utf8');

export interface Snippet {
  readonly lang: string;
  readonly text: string;
}

export const SNIPPETS: ReadonlyMap<string, Snippet> = new Map(
  [...DOCS.matchAll(/<!-- snippet: ([\w-]+) -->\n```(\w+)\n([\s\S]*?)\n```\n/g)].map((m) => [m[1]!, { lang: m[2]!, text: `${m[3]!}\n` }]),
);

export function snippet(name: string): string {
  const found = SNIPPETS.get(name);
  if (!found) throw new Error(`docs/integrations.md has no <!-- snippet: ${name} --> block`);
  return found.text;
}

// ---------------------------------------------------------------- git

export interface Repo {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  git: (...args: string[]) => SpawnSyncReturns<string>;
  commits: () => number;
  /** Stages exactly these files (written first) and commits them; the hook decides. */
  commit: (files: Readonly<Record<string, string>>, message: string) => SpawnSyncReturns<string>;
}

export function gitRepo(files: Readonly<Record<string, string | Buffer>>, extraPath: readonly string[], base: NodeJS.ProcessEnv = {}): Repo {
  const dir = tree(files);
  const env = isolatedEnv(extraPath, base);
  const git = (...args: string[]): SpawnSyncReturns<string> => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8', timeout: TIMEOUT });
  const must = (...args: string[]): void => {
    const result = git(...args);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${output(result)}`);
  };
  must('init', '-q', '-b', 'main');
  must('config', 'user.email', 'drafts@example.com');
  must('config', 'user.name', 'Drafts Team');
  must('config', 'commit.gpgsign', 'false');
  must('add', '-A');
  must('commit', '-q', '--no-verify', '-m', 'start');
  return {
    dir,
    env,
    git,
    commits: () => Number(git('rev-list', '--count', 'HEAD').stdout.trim()),
    commit: (toCommit, message) => {
      must('reset', '-q'); // a rejected commit leaves its files staged
      for (const [path, content] of Object.entries(toCommit)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      must('add', '--', ...Object.keys(toCommit));
      return git('commit', '-m', message);
    },
  };
}

/** Three drafts: clean, a warning, an error. */
export const DRAFTS = {
  'drafts/sunday poll.md': CLEAN,
  'drafts/opening hours.md': WARNING_ONLY,
  'drafts/bread poll.md': TOO_LONG,
};

// ---------------------------------------------------------------- GitHub Action

export interface Step {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, unknown>;
  readonly with?: Record<string, unknown>;
}

export const ACTION = dict(parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')), 'action.yml');
export const INPUTS = dict(ACTION.inputs, 'inputs');
export const RUNS = dict(ACTION.runs, 'runs');
export const STEPS = list(RUNS.steps, 'steps').map((s, i) => dict(s, `step ${i + 1}`) as Step);

export interface ActionRun {
  readonly lint: Proc;
  readonly outputs: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Outputs of the steps before `lint` (Node check, install), by `version` input: they do not depend on the rest. */
const setupOutputs = new Map<string, Record<string, Record<string, string>>>();

/**
 * RUNNER_TEMP of the runs that did the setup steps: the install step may have put postlint
 * there, and later runs reuse its outputs, so these live until the file's tests are done.
 */
const setupTemps: string[] = [];
afterAll(() => {
  for (const dir of setupTemps) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the action's steps the way the runner would: `${{ }}` in `env:` replaced (inputs with
 * their defaults, github.action_path = this checkout, step outputs), each `run` script with
 * `bash --noprofile --norc -eo pipefail`, GITHUB_OUTPUT read back between steps.
 * `uses:` steps cannot run here; the only one, setup-node, must be skipped by its `if`.
 * The setup steps run once per `version` (they take seconds); later runs reuse their outputs.
 * `base` is the runner's environment, under the isolated one (see `isolatedEnv`).
 */
export async function runAction(inputs: Readonly<Record<string, string>>, workspace: string, base: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  for (const name of Object.keys(inputs)) expect(Object.keys(INPUTS), `unknown input ${name}`).toContain(name);
  const setupKey = inputs.version ?? '';
  const reused = setupOutputs.get(setupKey);
  const outputs: Record<string, Record<string, string>> = { ...reused };
  const lintAt = STEPS.findIndex((step) => step.id === 'lint');
  const temp = reused ? tempDir('postlint-runner-') : mkdtempSync(join(tmpdir(), 'postlint-runner-'));
  if (!reused) setupTemps.push(temp);
  const expression = (expr: string): string => {
    let m = /^inputs\.([\w-]+)$/.exec(expr);
    if (m) return inputs[m[1]!] ?? text(dict(INPUTS[m[1]!], `input ${m[1]!}`).default ?? '', 'default');
    if (expr === 'github.action_path') return ROOT;
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (m) return outputs[m[1]!]?.[m[2]!] ?? '';
    throw new Error(`no value for \${{ ${expr} }} in this test`);
  };
  const substitute = (value: string): string => value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => expression(expr));
  let lint: Proc | undefined;
  for (const [i, step] of STEPS.entries()) {
    if (reused && i < lintAt) continue;
    if (i === lintAt) setupOutputs.set(setupKey, { ...outputs });
    if (step.uses !== undefined) {
      const m = /^steps\.([\w-]+)\.outputs\.([\w-]+) == '(.*)'$/.exec(step.if ?? '');
      if (!m) throw new Error(`step ${i + 1} (${step.uses}) has no condition this test understands`);
      expect(outputs[m[1]!]?.[m[2]!], `step ${i + 1} would run ${step.uses}`).not.toBe(m[3]);
      continue;
    }
    const script = join(temp, `step-${i + 1}.sh`);
    writeFileSync(script, step.run ?? '');
    const githubOutput = join(temp, `output-${i + 1}`);
    writeFileSync(githubOutput, '');
    const env: NodeJS.ProcessEnv = {
      ...isolatedEnv([], base),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: githubOutput,
      RUNNER_TEMP: temp,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = substitute(text(value, `env ${key}`));
    // An install step may download postlint: minutes, not seconds.
    const timeout = i < lintAt ? 5 * 60_000 : TIMEOUT;
    const result = await spawnAsync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, timeout });
    const values: Record<string, string> = {};
    for (const line of readFileSync(githubOutput, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) values[line.slice(0, at)] = line.slice(at + 1);
    }
    if (step.id !== undefined) outputs[step.id] = values;
    if (step.id === 'lint') lint = result;
    else if (result.status !== 0) throw new Error(`action step ${i + 1} failed: ${output(result)}`);
  }
  if (!lint) throw new Error('action.yml has no step with id: lint');
  return { lint, outputs };
}
