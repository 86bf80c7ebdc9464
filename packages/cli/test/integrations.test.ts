/**
 * The workflows of docs/integrations.md, run for real where they can be: the git hooks are
 * installed in throwaway repositories and made to accept and reject commits, the GitHub
 * Action's shell steps run as the runner would run them, and the CI files are parsed and
 * their postlint commands run. The snippets are read from the docs page itself, so the page
 * cannot drift from what is tested.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXTENSIONS } from '../src/discover.js';
import { BIN, spawnCli, tempDir, tree } from './helpers.js';
import {
  CLEAN,
  DRAFTS,
  type Dict,
  dict,
  gitRepo,
  INPUTS,
  list,
  output,
  parseYaml,
  postlintShim,
  ROOT,
  RUNS,
  runAction,
  shQuote,
  snippet,
  SNIPPETS,
  type Step,
  STEPS,
  text,
  TIMEOUT,
  TOO_LONG,
  VERSION,
  WARNING_ONLY,
  writeExecutable,
} from './integration-kit.js';

// ---------------------------------------------------------------- git hooks

describe('plain git hook (docs: plain-hook)', () => {
  it('accepts clean and warning-only drafts, rejects a draft with errors, ignores other files', () => {
    const bin = tempDir('postlint-bin-');
    postlintShim(bin);
    const repo = gitRepo({ 'README.md': '# Drafts\n' }, [bin]);
    writeExecutable(join(repo.dir, '.git', 'hooks', 'pre-commit'), snippet('plain-hook'));

    const clean = repo.commit({ 'drafts/sunday poll.md': CLEAN, 'drafts/notes.txt': CLEAN }, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    expect(repo.commits()).toBe(2);

    // A name with spaces, a quote and a leading dash reaches postlint whole (NUL-separated, after --).
    const warnings = repo.commit({ "drafts/-what's on sunday.md": WARNING_ONLY }, 'warnings only');
    expect(warnings.status, output(warnings)).toBe(0);
    expect(output(warnings)).toMatch(/drafts\/-what's on sunday\.md\n.*warning.*no-question-asked/);
    expect(repo.commits()).toBe(3);

    const other = repo.commit({ 'data.json': '{}\n' }, 'not a draft');
    expect(other.status, output(other)).toBe(0);
    expect(repo.commits()).toBe(4);

    const tooLong = repo.commit({ 'drafts/bread poll.markdown': TOO_LONG, 'drafts/ok.md': CLEAN }, 'too long');
    expect(tooLong.status).not.toBe(0);
    expect(output(tooLong)).toMatch(/bread poll\.markdown[\s\S]*error[\s\S]*too-long/);
    expect(output(tooLong)).toContain('commit blocked');
    expect(repo.commits()).toBe(4);
  });
});

describe('husky + lint-staged (docs: lint-staged, husky-pre-commit)', () => {
  it('installs with husky and blocks errors and warnings (--max-warnings 0)', () => {
    const config = dict(JSON.parse(snippet('lint-staged')), 'lint-staged snippet');
    const repo = gitRepo(
      {
        'package.json': `${JSON.stringify({ name: 'drafts', private: true, ...config }, null, 2)}\n`,
        '.gitignore': 'node_modules/\n',
      },
      [],
    );
    // What `npm install --save-dev postlint husky lint-staged` leaves in node_modules/.bin.
    const dotBin = join(repo.dir, 'node_modules', '.bin');
    postlintShim(dotBin);
    const lintStaged = join(ROOT, 'node_modules', 'lint-staged', 'bin', 'lint-staged.js');
    writeExecutable(join(dotBin, 'lint-staged'), `#!/bin/sh\nexec ${shQuote(process.execPath)} ${shQuote(lintStaged)} "$@"\n`);

    // The `prepare: husky` script: husky's own installer, which only writes files and git config.
    const husky = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'husky', 'bin.js')], {
      cwd: repo.dir,
      env: repo.env,
      encoding: 'utf8',
      timeout: TIMEOUT,
    });
    expect(husky.status, output(husky)).toBe(0);
    expect(repo.git('config', 'core.hooksPath').stdout.trim()).toBe('.husky/_');
    writeFileSync(join(repo.dir, '.husky', 'pre-commit'), snippet('husky-pre-commit'));

    const clean = repo.commit({ 'drafts/sunday poll.md': CLEAN }, 'clean');
    expect(clean.status, output(clean)).toBe(0);
    expect(repo.commits()).toBe(2);

    const warnings = repo.commit({ 'drafts/opening hours.md': WARNING_ONLY }, 'warnings only');
    expect(warnings.status).not.toBe(0);
    expect(output(warnings)).toContain('no-question-asked');
    expect(output(warnings)).toContain('too many warnings');
    expect(repo.commits()).toBe(2);

    const tooLong = repo.commit({ 'drafts/bread poll.txt': TOO_LONG }, 'too long');
    expect(tooLong.status).not.toBe(0);
    expect(output(tooLong)).toMatch(/bread poll\.txt[\s\S]*error[\s\S]*too-long/);
    expect(repo.commits()).toBe(2);
  });
});

// ---------------------------------------------------------------- pre-commit framework

describe('.pre-commit-hooks.yaml', () => {
  const hooks = list(parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')), '.pre-commit-hooks.yaml');
  const hook = dict(hooks[0], 'hook');

  it('declares the postlint node hook with the keys pre-commit needs', () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'postlint', name: 'postlint', entry: 'postlint', language: 'node', require_serial: false, args: [] });
    expect(text(hook.minimum_pre_commit_version, 'minimum_pre_commit_version')).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('selects drafts by a files regex: exactly the extensions postlint lints', () => {
    // pre-commit applies it with Python's re.search; for this regex JavaScript agrees.
    const source = text(hook.files, 'files');
    expect(/^\\\.\((.*)\)\$$/.exec(source)?.[1]?.split('|').sort()).toEqual([...EXTENSIONS].sort());
    const files = new RegExp(source);
    for (const ext of EXTENSIONS) expect(`drafts/a post.${ext}`).toMatch(files);
    for (const name of ['a.mdx', 'logo.png', 'notes.md.bak', 'md', 'a.txt~', 'README.MDX']) expect(name).not.toMatch(files);
  });

  it('is what the documented configs refer to (docs: pre-commit, pre-commit-args; installed and run in pre-commit-framework.e2e.ts)', () => {
    for (const name of ['pre-commit', 'pre-commit-args']) {
      const remote = dict(list(dict(parseYaml(snippet(name)), name).repos, 'repos')[0], 'repo');
      expect(remote.repo).toBe('https://github.com/postlint/postlint');
      expect(remote.rev).toBe(`v${VERSION}`);
      expect(list(remote.hooks, 'hooks').map((h) => dict(h, 'hook').id)).toEqual([hook.id]);
    }
  });
});

// ---------------------------------------------------------------- GitHub Action

/** The workflow's step that uses this action, from a docs snippet. */
function actionStep(workflow: Dict): Step {
  const steps = Object.values(dict(workflow.jobs, 'jobs')).flatMap((job) => list(dict(job, 'job').steps, 'steps').map((s) => dict(s, 'step') as Step));
  const found = steps.find((s) => s.uses?.startsWith('postlint/postlint@') === true);
  if (!found) throw new Error('workflow does not use postlint/postlint');
  return found;
}

/** Ajv with the formats the vendored schemas use (ajv-formats is not installed). */
function ajv(): Ajv {
  const instance = new Ajv({ strict: false, allErrors: true });
  const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  instance.addFormat('uri', (value: string) => uriReference.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
  instance.addFormat('uri-reference', uriReference);
  instance.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return instance;
}

function schema(file: string): Dict {
  const json = dict(JSON.parse(readFileSync(join(import.meta.dirname, 'schemas', file), 'utf8')), file);
  // The SARIF schema's draft-04 header; its keywords mean the same in draft-07 (schemas/README.md).
  delete json.$schema;
  delete json.id;
  return json;
}

const validateSarif = ajv().compile(schema('sarif-schema-2.1.0.json'));
const validateGitlab = ajv().compile(schema('gitlab-code-quality.schema.json'));


describe('action.yml', () => {
  it('is a composite action whose shell steps are bash and take inputs only from env', () => {
    expect(RUNS.using).toBe('composite');
    expect(INPUTS).toMatchObject({
      paths: { default: '.' },
      format: { default: 'github' },
      'sarif-file': { default: '' },
      'max-warnings': { default: '-1' },
      args: { default: '' },
      version: { default: '' },
    });
    for (const step of STEPS) {
      if (step.run === undefined) continue;
      expect(step.shell).toBe('bash');
      expect(step.run).toMatch(/^set -euo pipefail$/m);
      // `${{ }}` pasted into a script is a script-injection hole: values go through env.
      expect(step.run).not.toContain('${{');
    }
    const setupNode = STEPS.find((s) => s.uses?.startsWith('actions/setup-node@') === true);
    expect(setupNode).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(setupNode?.if).toMatch(/^steps\.node\.outputs\./);
  });

  it('runs the documented workflow: annotations, exit code of the lint run, valid SARIF (docs: github-action)', async () => {
    const workflow = dict(parseYaml(snippet('github-action')), 'github-action');
    const step = actionStep(workflow);
    expect(step.uses).toBe(`postlint/postlint@v${VERSION}`);
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, text(v, k)]));
    const workspace = tree(DRAFTS);

    const { lint, outputs } = await runAction(inputs, workspace);
    expect(outputs.node).toEqual({ setup: 'false' }); // this Node is recent enough: no setup-node
    expect(outputs.install?.bin).toBe(BIN);
    expect(lint.status, output(lint)).toBe(1);
    expect(outputs.lint).toEqual({ 'exit-code': '1' });
    expect(lint.stdout).toMatch(/^::error file=drafts\/bread poll\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=too-long::/m);
    expect(lint.stdout).toMatch(/^::warning file=drafts\/opening hours\.md,.*title=no-question-asked::/m);
    expect(lint.stdout).not.toContain('sunday poll');

    // The upload step reads the file the action wrote.
    const upload = Object.values(dict(workflow.jobs, 'jobs'))
      .flatMap((job) => list(dict(job, 'job').steps, 'steps'))
      .map((s) => dict(s, 'step'))
      .find((s) => text(s.uses ?? '', 'uses').startsWith('github/codeql-action/upload-sarif@'));
    const sarifFile = text(dict(upload?.with, 'upload-sarif with').sarif_file, 'sarif_file');
    expect(sarifFile).toBe(inputs['sarif-file']);
    const log = JSON.parse(readFileSync(join(workspace, sarifFile), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['no-question-asked', 'too-long']));
  });

  it('splits paths and args like a shell, quotes included, and never runs them', async () => {
    const workspace = tree(DRAFTS);
    const [quoted, hostile] = await Promise.all([
      runAction({ paths: `'drafts/bread poll.md'\n"drafts/opening hours.md"`, args: `--rule 'too-long: warn'`, 'max-warnings': '1' }, workspace),
      runAction({ paths: '$(touch pwned) `touch pwned2`' }, workspace),
    ]);
    expect(quoted.lint.status, output(quoted.lint)).toBe(1);
    expect(quoted.lint.stdout).toMatch(/^::warning .*title=too-long::/m);
    expect(quoted.lint.stdout).not.toContain('::error');
    expect(quoted.lint.stderr).toMatch(/too many warnings \(\d+\); the maximum allowed is 1/);

    expect(hostile.lint.status).toBe(2);
    expect(hostile.lint.stderr).toContain('pwned): no such file');
    expect(existsSync(join(workspace, 'pwned'))).toBe(false);
    expect(existsSync(join(workspace, 'pwned2'))).toBe(false);
  });

  it('runs the sharded matrix: every draft in exactly one shard, a cache per shard (docs: github-shards)', async () => {
    const workflow = dict(parseYaml(snippet('github-shards')), 'github-shards');
    const job = dict(Object.values(dict(workflow.jobs, 'jobs'))[0], 'job');
    const shards = list(dict(dict(job.strategy, 'strategy').matrix, 'matrix').shard, 'matrix.shard').map((s) => text(s, 'shard'));
    const step = actionStep(workflow);
    const args = text(step.with?.args, 'args');
    expect(args).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(dict(workflow.env, 'env').POSTLINT_VERSION).toBe(VERSION);

    // actions/cache saves and restores the folder postlint writes its cache to.
    const cacheSteps = list(job.steps, 'steps')
      .map((s) => dict(s, 'step'))
      .filter((s) => text(s.uses ?? '', 'uses').startsWith('actions/cache/'));
    expect(cacheSteps.map((s) => s.uses)).toEqual(['actions/cache/restore@v4', 'actions/cache/save@v4']);
    const location = /--cache-location (\S+)/.exec(args)?.[1];
    for (const s of cacheSteps) {
      const cacheWith = dict(s.with, 'cache with');
      expect(cacheWith.path).toBe(location);
      expect(cacheWith.key).toContain('${{ env.POSTLINT_VERSION }}');
      expect(cacheWith.key).toContain('${{ matrix.shard }}');
    }

    // Many warning-only drafts (each annotated); every shard job in a fresh checkout,
    // all at once as in the matrix.
    const drafts = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`drafts/post ${i + 1}.md`, WARNING_ONLY]));
    const jobs = shards.map(async (shard) => {
      const workspace = tree(drafts);
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, text(v, k).replace('${{ matrix.shard }}', shard)]));
      // `version` would install that release from npm; the test runs this checkout instead.
      const { lint } = await runAction({ ...inputs, version: '' }, workspace);
      return { workspace, lint };
    });
    const seen: string[] = [];
    for (const { workspace, lint } of await Promise.all(jobs)) {
      expect(lint.status, output(lint)).toBe(0);
      const files = [...new Set([...lint.stdout.matchAll(/^::warning file=([^,]+),/gm)].map((m) => m[1]!))];
      expect(files.length).toBeGreaterThan(0);
      seen.push(...files);
      const cache = dict(JSON.parse(readFileSync(join(workspace, location ?? ''), 'utf8')), 'cache');
      expect(Object.keys(dict(cache.entries, 'entries'))).toHaveLength(files.length);
    }
    expect(seen.sort()).toEqual(Object.keys(drafts).sort());
  });
});

// ---------------------------------------------------------------- CI snippets

/** The postlint command lines of a snippet (shell lines, `run:` and `script:` entries). */
function postlintCommands(snippetText: string): string[] {
  return [...snippetText.matchAll(/(?:^|[\s'"(|;&])(?:postlint(?:@\S+)?|node "\$(?:POSTLINT_BIN|bin)")[ \t]+(.*)$/gm)].map((m) => m[0].trim());
}

/** `--long` and `-s` flags in a command line (not `--` alone, not inside words). */
function flagsIn(command: string): string[] {
  return [...command.matchAll(/(?:^|\s)(--?[A-Za-z][\w-]*)/g)].map((m) => m[1]!);
}

/** Runs a documented `postlint …` line (no quoting in these) in `cwd`, with this checkout's bin. */
function runDocumented(command: string, cwd: string): SpawnSyncReturns<string> {
  const [name, ...args] = command.split(/\s+/);
  expect(name).toBe('postlint');
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: TIMEOUT, env: { PATH: process.env.PATH ?? '' } });
}

describe('CI snippets in docs/integrations.md', () => {
  it('has every snippet the tests use, each in a known language', () => {
    expect([...SNIPPETS.keys()].sort()).toEqual(
      ['azure-pipelines', 'github-action', 'github-shards', 'gitlab', 'husky-pre-commit', 'junit', 'lint-staged', 'plain-hook', 'pre-commit', 'pre-commit-args'].sort(),
    );
    for (const [name, { lang, text: body }] of SNIPPETS) {
      expect(['yaml', 'json', 'sh'], name).toContain(lang);
      if (lang === 'yaml') expect(() => parseYaml(body), name).not.toThrow();
      if (lang === 'json') expect(() => JSON.parse(body) as unknown, name).not.toThrow();
    }
  });

  it('names only flags that postlint --help lists', () => {
    const help = spawnCli(['--help'], { cwd: ROOT });
    expect(help.code).toBe(0);
    const known = new Set([...help.stdout.matchAll(/(?:^|[\s,/(])(--?[A-Za-z][\w-]*)/g)].map((m) => m[1]!));
    expect(known).toContain('--shard');
    const used = new Map<string, string[]>();
    const sources: [string, string][] = [...SNIPPETS].map(([name, s]) => [name, s.text]);
    sources.push(['action.yml', readFileSync(join(ROOT, 'action.yml'), 'utf8')]);
    for (const [name, body] of sources) {
      const commands = postlintCommands(body);
      // Flags given to the action go straight to postlint too.
      if (name.startsWith('github-')) commands.push(text(actionStep(dict(parseYaml(body), name)).with?.args ?? '', 'args'));
      used.set(name, commands.flatMap(flagsIn));
    }
    for (const [name, flags] of used) for (const flag of flags) expect(known, `${name}: ${flag}`).toContain(flag);
    expect(used.get('github-shards')).toEqual(['--shard', '--cache', '--cache-location']);
    expect(used.get('gitlab')).toEqual(['--format', '-o']);
    expect(used.get('action.yml')).toEqual(expect.arrayContaining(['--version', '--format', '--output-file']));
  });

  it('GitLab: the job writes a valid Code Quality report where artifacts:reports:codequality reads it (docs: gitlab)', () => {
    const job = dict(dict(parseYaml(snippet('gitlab')), 'gitlab').postlint, 'postlint job');
    const commands = list(job.script, 'script').map((line) => text(line, 'script line')).filter((line) => line.startsWith('postlint '));
    expect(commands).toHaveLength(1);
    const report = text(dict(dict(job.artifacts, 'artifacts').reports, 'reports').codequality, 'codequality');
    expect(commands[0]).toContain(`-o ${report}`);

    const cwd = tree(DRAFTS);
    const result = runDocumented(commands[0]!, cwd);
    expect(result.status, output(result)).toBe(1);
    const raw = readFileSync(join(cwd, report), 'utf8');
    expect(raw.charCodeAt(0)).not.toBe(0xfeff);
    const issues = JSON.parse(raw) as unknown;
    const valid = validateGitlab(issues);
    expect(validateGitlab.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(list(issues, 'issues').map((i) => text(dict(i, 'issue').check_name, 'check_name'))).toEqual(expect.arrayContaining(['no-question-asked', 'too-long']));
  });

  it('JUnit: the command writes well-formed JUnit XML, the file Azure Pipelines publishes (docs: junit, azure-pipelines)', () => {
    const [command] = postlintCommands(snippet('junit'));
    expect(command).toBeDefined();
    const report = /-o (\S+)/.exec(command!)?.[1] ?? '';
    expect(report).toBe('postlint-junit.xml');

    const steps = list(dict(parseYaml(snippet('azure-pipelines')), 'azure-pipelines').steps, 'steps').map((s) => dict(s, 'step'));
    expect(steps.map((s) => s.script)).toContain(command);
    const publish = steps.find((s) => s.task === 'PublishTestResults@2');
    expect(dict(publish?.inputs, 'publish inputs')).toMatchObject({ testResultsFormat: 'JUnit', testResultsFiles: report });
    expect(publish?.condition).toBe('succeededOrFailed()');

    const cwd = tree(DRAFTS);
    const result = runDocumented(command!, cwd);
    expect(result.status, output(result)).toBe(1);
    const xml = readFileSync(join(cwd, report), 'utf8');
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the validator this project installs
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = dict(new XMLParser({ ignoreAttributes: false }).parse(xml), 'junit');
    const suites = dict(parsed.testsuites, 'testsuites');
    expect(Number(suites['@_failures'])).toBeGreaterThanOrEqual(2);
  });
});
