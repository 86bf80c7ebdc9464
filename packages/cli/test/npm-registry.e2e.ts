/**
 * The docs' workflows that install postlint from npm (GitLab CI, Azure Pipelines, the GitHub
 * Action's `version` input, `npm install --global postlint` for the plain git hook, the
 * husky + lint-staged set-up), run
 * against a local registry: verdaccio, holding this checkout's packages as `npm publish`
 * packs them, and passing every other package through from the npm registry. postlint is not
 * on npm yet, so this is also the test that what would be published installs and runs.
 *
 * Needs the npm registry and takes a minute: `pnpm test:e2e`, not `pnpm test`.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tree } from './helpers.js';
import {
  CLEAN,
  dict,
  DRAFTS,
  gitRepo,
  list,
  machineEnv,
  output,
  parseYaml,
  ROOT,
  runAction,
  snippet,
  text,
  TOO_LONG,
  VERSION,
  WARNING_ONLY,
  writeExecutable,
} from './integration-kit.js';

const NPM_TIMEOUT = 5 * 60_000;
// 6.8.0 runs on Node 20 (later ones want 22); its node-fetch range resolves to a 3.x that
// breaks it, hence the override (both found by installing it here).
const VERDACCIO = { version: '6.8.0', overrides: { 'node-fetch': '2.7.0' } };
const PUBLISHED = ['packages/core', 'rules', 'packages/cli'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}: ${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`verdaccio did not answer ${url}: ${log()}`);
}

describe('installing postlint from npm (docs: gitlab, azure-pipelines, github-shards, plain-hook, lint-staged, husky-pre-commit)', () => {
  let verdaccio: ChildProcess | undefined;
  /** npm's user config naming the local registry, and a token for publishing to it. */
  let npmrc: string;

  beforeAll(async () => {
    const env = machineEnv();
    const server = tree({
      'package.json': JSON.stringify({ private: true, dependencies: { verdaccio: VERDACCIO.version }, overrides: VERDACCIO.overrides }),
    });
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: server, env, encoding: 'utf8', timeout: NPM_TIMEOUT });
    if (install.status !== 0) throw new Error(`installing verdaccio: ${output(install)}`);

    const port = await freePort();
    const registry = `http://127.0.0.1:${port}/`;
    writeFileSync(
      join(server, 'config.yaml'),
      [
        'storage: ./storage',
        'auth:',
        '  htpasswd:',
        '    file: ./htpasswd',
        'uplinks:',
        '  npmjs:',
        '    url: https://registry.npmjs.org/',
        'packages:',
        // Ours only from here, never merged with whatever the public registry has by that name.
        "  'postlint':",
        '    access: $all',
        '    publish: $authenticated',
        "  '@postlint/*':",
        '    access: $all',
        '    publish: $authenticated',
        "  '**':",
        '    access: $all',
        '    proxy: npmjs',
        'log: { type: stdout, format: pretty, level: warn }',
        '',
      ].join('\n'),
    );
    let log = '';
    const child = spawn(process.execPath, [join(server, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', './config.yaml', '--listen', `127.0.0.1:${port}`], {
      cwd: server,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    verdaccio = child;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    await waitFor(`${registry}-/ping`, child, () => log);

    const user = await fetch(`${registry}-/user/org.couchdb.user:ci`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ci', password: 'a password for a throwaway registry' }),
    });
    const { token } = (await user.json()) as { token?: string };
    if (!token) throw new Error(`verdaccio gave no token: ${user.status}`);
    npmrc = join(server, 'npmrc');
    writeFileSync(npmrc, `registry=${registry}\n//127.0.0.1:${port}/:_authToken=${token}\n`);

    // As a release would: the built packages, packed by npm from their `files`.
    for (const dir of PUBLISHED) {
      const publish = spawnSync('npm', ['publish', '--ignore-scripts', '--userconfig', npmrc], {
        cwd: join(ROOT, dir),
        env,
        encoding: 'utf8',
        timeout: NPM_TIMEOUT,
      });
      if (publish.status !== 0) throw new Error(`npm publish ${dir}: ${output(publish)}`);
    }
  });

  afterAll(() => {
    verdaccio?.kill();
  });

  /** A user's environment: npm installs from the local registry, globally into a folder of its own. */
  function userEnv(): { env: NodeJS.ProcessEnv; bin: string } {
    const prefix = tempDir('postlint-global-');
    const base = machineEnv();
    return {
      bin: join(prefix, 'bin'),
      env: { ...base, npm_config_userconfig: npmrc, NPM_CONFIG_PREFIX: prefix, PATH: `${join(prefix, 'bin')}:${base.PATH ?? ''}`, NO_COLOR: '1' },
    };
  }

  /** Runs the lines of a CI job's script in order, as bash would; stops at the first failure. */
  function runLines(lines: readonly string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string>[] {
    const results: SpawnSyncReturns<string>[] = [];
    for (const line of lines) {
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { cwd, env, encoding: 'utf8', timeout: NPM_TIMEOUT });
      results.push(result);
      if (result.status !== 0) break;
    }
    return results;
  }

  it('GitLab CI: installs postlint globally and writes the Code Quality report', () => {
    const job = dict(dict(parseYaml(snippet('gitlab')), 'gitlab').postlint, 'postlint job');
    const lines = list(job.script, 'script').map((line) => text(line, 'script line'));
    expect(lines[0]).toBe(`npm install --global postlint@${VERSION}`);
    const workspace = tree(DRAFTS);
    const { env } = userEnv();

    // The job fails: one draft has an error. The report is written all the same.
    const results = runLines(lines, workspace, env);
    expect(results.map((r) => r.status), results.map(output).join('\n')).toEqual([0, 1]);
    const report = JSON.parse(readFileSync(join(workspace, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string; location: { path: string } }[];
    expect(report.map((issue) => `${issue.location.path} ${issue.check_name}`)).toEqual(
      expect.arrayContaining(['drafts/bread poll.md too-long', 'drafts/opening hours.md no-question-asked']),
    );
  });

  it('Azure Pipelines: installs postlint globally and writes the JUnit file', () => {
    const steps = list(dict(parseYaml(snippet('azure-pipelines')), 'azure-pipelines').steps, 'steps').map((s) => dict(s, 'step'));
    const lines = steps.filter((step) => 'script' in step).map((step) => text(step.script, 'script'));
    expect(lines).toHaveLength(2);
    const workspace = tree(DRAFTS);
    const { env } = userEnv();

    const results = runLines(lines, workspace, env);
    expect(results.map((r) => r.status), results.map(output).join('\n')).toEqual([0, 1]);
    const junit = readFileSync(join(workspace, 'postlint-junit.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml/);
    expect(junit).toContain('too-long');
  });

  it('GitHub Action: with the `version` input, the action installs that release and runs it (docs: github-shards)', async () => {
    const workflow = dict(parseYaml(snippet('github-shards')), 'github-shards');
    const version = text(dict(workflow.env, 'env').POSTLINT_VERSION, 'POSTLINT_VERSION');
    const { lint, outputs } = await runAction({ paths: 'drafts', version }, tree(DRAFTS), userEnv().env);
    const bin = outputs.install?.bin ?? '';
    expect(bin).toMatch(/\/postlint-npm\/node_modules\/postlint\/bin\/postlint\.js$/);
    expect(spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).stdout.trim()).toBe(VERSION);
    expect(lint.status, output(lint)).toBe(1);
    expect(lint.stdout).toMatch(/^::error file=drafts\/bread poll\.md,line=\d+/m);
    expect(outputs.lint?.['exit-code']).toBe('1');
  });

  it('plain git hook: with postlint from `npm install --global postlint` on the PATH', () => {
    const { env, bin } = userEnv();
    const installed = spawnSync('npm', ['install', '--global', 'postlint'], { cwd: tempDir('postlint-cwd-'), env, encoding: 'utf8', timeout: NPM_TIMEOUT });
    expect(installed.status, output(installed)).toBe(0);
    expect(existsSync(join(bin, 'postlint'))).toBe(true);

    const repo = gitRepo({ 'README.md': '# Drafts\n' }, [bin], env);
    writeExecutable(join(repo.dir, '.git', 'hooks', 'pre-commit'), snippet('plain-hook'));
    const clean = repo.commit({ 'drafts/sunday poll.md': CLEAN }, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    const before = repo.commits();
    const tooLong = repo.commit({ 'drafts/bread poll.md': TOO_LONG }, 'too long');
    expect(tooLong.status).not.toBe(0);
    expect(tooLong.stderr).toMatch(/error .*too-long/);
    expect(tooLong.stderr).toContain('postlint: commit blocked');
    expect(repo.commits()).toBe(before);
  });

  it('husky + lint-staged: the documented commands, nothing stood in for', () => {
    const { env } = userEnv();
    const repo = gitRepo({ 'package.json': `${JSON.stringify({ name: 'drafts', private: true }, null, 2)}\n`, '.gitignore': 'node_modules/\n' }, [], env);
    const run = (command: string, ...args: string[]): void => {
      const result = spawnSync(command, args, { cwd: repo.dir, env: repo.env, encoding: 'utf8', timeout: NPM_TIMEOUT });
      expect(result.status, `${command} ${args.join(' ')}: ${output(result)}`).toBe(0);
    };
    run('npm', 'install', '--save-dev', 'postlint', 'husky', 'lint-staged');
    run('npx', 'husky', 'init');
    expect(repo.git('config', 'core.hooksPath').stdout.trim()).toBe('.husky/_');

    // The documented lint-staged config, merged into the package.json that `husky init` edited.
    const manifestPath = join(repo.dir, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    const documented = dict(JSON.parse(snippet('lint-staged')), 'lint-staged snippet');
    expect(manifest.scripts).toMatchObject(dict(documented.scripts, 'scripts')); // husky init added it
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, 'lint-staged': documented['lint-staged'] }, null, 2)}\n`);
    writeFileSync(join(repo.dir, '.husky', 'pre-commit'), snippet('husky-pre-commit'));
    repo.git('add', 'package.json', 'package-lock.json', '.husky/pre-commit');
    expect(repo.git('commit', '-q', '--no-verify', '-m', 'husky + lint-staged').status).toBe(0);

    const clean = repo.commit({ 'drafts/sunday poll.md': CLEAN }, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    const before = repo.commits();

    const warnings = repo.commit({ 'drafts/opening hours.md': WARNING_ONLY }, 'warnings only');
    expect(warnings.status).not.toBe(0);
    expect(output(warnings)).toContain('too many warnings');
    const tooLong = repo.commit({ 'drafts/bread poll.txt': TOO_LONG }, 'too long');
    expect(tooLong.status).not.toBe(0);
    expect(output(tooLong)).toMatch(/bread poll\.txt[\s\S]*error[\s\S]*too-long/);
    expect(repo.commits()).toBe(before);
  });
});
