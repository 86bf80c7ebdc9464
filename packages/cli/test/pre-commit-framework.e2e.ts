/**
 * The pre-commit framework installing and running the hook of `.pre-commit-hooks.yaml` the
 * way docs/integrations.md says (snippets `pre-commit`, `pre-commit-args`): pre-commit clones
 * this repository, installs it with npm (`npm install -g git+file://<clone>`, which builds it
 * from source) and runs the installed `postlint` on the staged drafts.
 *
 * It needs the `pre-commit` command (`.ci/run` installs it; POSTLINT_PRE_COMMIT names another)
 * and the npm registry, and takes a minute, so it is not part of `pnpm test`: run it with
 * `pnpm test:e2e`. The repository it installs is this working tree as it would be committed
 * (tracked and new files, not ignored ones), in a throwaway git repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tree } from './helpers.js';
import { CLEAN, dict, gitRepo, list, machineEnv, output, parseYaml, type Repo, ROOT, snippet, TOO_LONG, VERSION, WARNING_ONLY } from './integration-kit.js';

const PRE_COMMIT = process.env.POSTLINT_PRE_COMMIT ?? 'pre-commit';
const INSTALL_TIMEOUT = 8 * 60_000;
const DOCUMENTED_REPO = 'https://github.com/postlint/postlint';

/** A git repository holding this working tree as it would be committed; returns its path and commit. */
function hookRepository(): { dir: string; rev: string } {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files: ${output(listed)}`);
  // Deleted files are still listed until the deletion is committed.
  const paths = listed.stdout.split('\0').filter((path) => path !== '' && existsSync(join(ROOT, path)));
  const repo = gitRepo(Object.fromEntries(paths.map((path) => [path, readFileSync(join(ROOT, path))])), []);
  return { dir: repo.dir, rev: repo.git('rev-parse', 'HEAD').stdout.trim() };
}

/** A documented `.pre-commit-config.yaml`, pointed at the repository under test instead of GitHub. */
function configFor(name: string, hooks: { dir: string; rev: string }): string {
  const documented = snippet(name);
  const repo = dict(list(dict(parseYaml(documented), name).repos, 'repos')[0], 'repo');
  expect(repo.repo).toBe(DOCUMENTED_REPO);
  expect(repo.rev).toBe(`v${VERSION}`);
  const config = documented.replace(`repo: ${DOCUMENTED_REPO}`, `repo: ${hooks.dir}`).replace(`rev: v${VERSION}`, `rev: ${hooks.rev}`);
  expect(config).not.toBe(documented);
  return config;
}

describe('pre-commit framework (docs: pre-commit, pre-commit-args)', () => {
  let hooks: { dir: string; rev: string };
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    const version = spawnSync(PRE_COMMIT, ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`the pre-commit command is needed: pip install 'pre-commit>=4.6.2' (as .ci/run does), or set POSTLINT_PRE_COMMIT`);
    }
    hooks = hookRepository();
    env = machineEnv();
  });

  /** A content repository with the documented config, hooks installed by `pre-commit install`. */
  function contentRepo(config: string): Repo {
    const repo = gitRepo({ '.pre-commit-config.yaml': config, 'README.md': '# Drafts\n' }, [], env);
    const run = (...args: string[]): void => {
      const result = spawnSync(PRE_COMMIT, args, { cwd: repo.dir, env: repo.env, encoding: 'utf8', timeout: INSTALL_TIMEOUT });
      expect(result.status, `pre-commit ${args.join(' ')}: ${output(result)}`).toBe(0);
    };
    run('install');
    // Installs the hook's environment now, with a timeout fit for npm, not at the first commit.
    run('install-hooks');
    return repo;
  }

  it('installs postlint from the repository and blocks a commit with errors', () => {
    const repo = contentRepo(configFor('pre-commit', hooks));
    const installed = spawnSync('find', [join(repo.env.HOME!, '.cache', 'pre-commit'), '-path', '*/node_env-*/bin/postlint'], { encoding: 'utf8' });
    const bin = installed.stdout.trim().split('\n')[0]!;
    expect(bin, 'pre-commit installed no postlint command').not.toBe('');
    // Built with npm's `overrides`, as pnpm's: X weighs an Emoji 13+ ZWJ sequence (🐦‍🔥) 2, not 5.
    const emoji = spawnSync(bin, ['stats', 'phoenix.md'], { cwd: tree({ 'phoenix.md': '🐦‍🔥'.repeat(100) }), env: repo.env, encoding: 'utf8' });
    expect(emoji.stdout, output(emoji)).toMatch(/^phoenix\.md\s+1\/1\s+X\s+200\s+280\b/m);

    // git gives a hook's standard output to its own standard error: the report is read from both.
    const clean = repo.commit({ 'drafts/sunday poll.md': CLEAN, 'drafts/notes.txt': CLEAN }, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    expect(output(clean)).toMatch(/postlint\.+Passed/);

    const warnings = repo.commit({ 'drafts/opening hours.md': WARNING_ONLY }, 'warnings only');
    expect(warnings.status, output(warnings)).toBe(0);

    const other = repo.commit({ 'data.json': '{}\n' }, 'not a draft');
    expect(other.status, output(other)).toBe(0);
    expect(output(other)).toMatch(/postlint\.+\(no files to check\)Skipped/);

    const before = repo.commits();
    const tooLong = repo.commit({ 'drafts/bread poll.md': TOO_LONG, 'drafts/ok.md': CLEAN }, 'too long');
    expect(tooLong.status).not.toBe(0);
    expect(output(tooLong)).toMatch(/postlint\.+Failed/);
    expect(output(tooLong)).toContain('drafts/bread poll.md');
    expect(output(tooLong)).toMatch(/error .*too-long/);
    expect(repo.commits()).toBe(before);

    // The documented first run over what is already committed (the rejected files, still
    // staged, are set aside first: --all-files means every file in the index).
    repo.git('reset', '-q');
    const all = spawnSync(PRE_COMMIT, ['run', '--all-files'], { cwd: repo.dir, env: repo.env, encoding: 'utf8', timeout: 60_000 });
    expect(all.status, output(all)).toBe(0);
    expect(output(all)).toMatch(/postlint\.+Passed/); // not "(no files to check)Skipped"
  });

  it('passes args to postlint: --max-warnings 0 blocks warnings too', () => {
    const repo = contentRepo(configFor('pre-commit-args', hooks));
    const clean = repo.commit({ 'drafts/sunday poll.md': CLEAN }, 'clean');
    expect(clean.status, output(clean)).toBe(0);

    const warnings = repo.commit({ 'drafts/opening hours.md': WARNING_ONLY }, 'warnings only');
    expect(warnings.status).not.toBe(0);
    expect(output(warnings)).toMatch(/warning .*no-question-asked/);
    expect(output(warnings)).toContain('too many warnings');
  });
});
