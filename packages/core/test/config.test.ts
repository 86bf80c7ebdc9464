import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TestRunner, afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { ConfigLoader, PostlintError, defineRule, getPlatform, type ConfigFile, type Rule } from '../src/index.js';

const rule = (id: string, recommended: 'warn' | 'error' | false): Rule =>
  defineRule({
    meta: {
      id,
      description: { en: id, es: id },
      recommended,
      languages: ['*'],
      options: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer' } } },
      defaultOptions: { max: 3 },
      messages: { en: { x: 'x' } },
    },
    check() {
      // no reports needed to test configuration
    },
  });
const rules = new Map([
  ['alpha', rule('alpha', 'warn')],
  ['beta', rule('beta', false)],
]);
const presets: Record<string, ConfigFile> = {
  'postlint:recommended': { rules: { alpha: 'warn', beta: 'off' } },
  'postlint:strict': { rules: { alpha: 'error', beta: 'warn' } },
};

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'postlint-config-'));
  const remove = (): void => {
    rmSync(root, { recursive: true, force: true });
  };
  // Removed when the test that made it ends (or, made while collecting, after its suite).
  if (TestRunner.getCurrentTest()) onTestFinished(remove);
  else afterAll(remove);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const loader = (cwd: string, configFile?: string): ConfigLoader =>
  new ConfigLoader({ cwd, presets, defaultPreset: 'postlint:recommended', rules, isPlatform: (id) => getPlatform(id) !== undefined, ...(configFile ? { configFile } : {}) });

async function configError(cwd: string, file: string): Promise<string> {
  try {
    await loader(cwd).forFile(join(cwd, file));
  } catch (error) {
    expect(error).toBeInstanceOf(PostlintError);
    return (error as PostlintError).message;
  }
  throw new Error('expected a config error');
}

describe('ConfigLoader', () => {
  it('uses the recommended preset when there is no config at all', async () => {
    const cwd = folder({ 'a.md': 'x' });
    const { config, configPath } = await loader(cwd).forFile(join(cwd, 'a.md'));
    expect(configPath).toBeNull();
    expect(config.rules.alpha).toEqual({ severity: 'warn', options: { max: 3 } });
    expect(config.rules.beta!.severity).toBe('off');
    expect(config.platforms).toEqual(['x']);
  });

  it('follows extends through relative files (YAML, JSON, ES modules), each starting from the default preset', async () => {
    const cwd = folder({
      'base.yaml': 'platform: bluesky\nbrand:\n  names: [Lola]\n',
      'team.mjs': 'export default { extends: "./base.yaml", rules: { beta: ["warn", { max: 5 }] } };\n',
      'shop/postlint.config.json': JSON.stringify({ extends: '../team.mjs', brand: { handles: ['@lola'] } }),
      'shop/a.md': 'x',
    });
    const { config } = await loader(cwd).forFile(join(cwd, 'shop/a.md'));
    expect(config.rules.alpha!.severity).toBe('warn');
    expect(config.rules.beta).toEqual({ severity: 'warn', options: { max: 5 } });
    expect(config.platforms).toEqual(['bluesky']);
    expect(config.brand).toEqual({ names: ['Lola'], handles: ['@lola'] });
  });

  it('applies overrides and ignores of extended files, globs relative to the using config', async () => {
    const cwd = folder({
      'shared/base.json': JSON.stringify({ ignores: ['*.draft.md'], overrides: [{ files: 'replies/**', rules: { beta: 'error' } }] }),
      'postlint.config.json': JSON.stringify({ extends: './shared/base.json' }),
    });
    const l = loader(cwd);
    expect((await l.forFile(join(cwd, 'replies/r.md'))).config.rules.beta!.severity).toBe('error');
    expect((await l.forFile(join(cwd, 'posts/p.md'))).config.rules.beta!.severity).toBe('off');
    expect((await l.forFile(join(cwd, 'deep/down/x.draft.md'))).ignored).toBe(true);
    expect((await l.forFile(join(cwd, 'x.md'))).ignored).toBe(false);
  });

  it('a bare severity keeps the options set by an earlier layer', async () => {
    const cwd = folder({ 'postlint.config.json': JSON.stringify({ rules: { alpha: ['warn', { max: 9 }] }, overrides: [{ files: '*.md', rules: { alpha: 'error' } }] }) });
    expect((await loader(cwd).forFile(join(cwd, 'a.md'))).config.rules.alpha).toEqual({ severity: 'error', options: { max: 9 } });
  });

  it.each([
    [{ rules: { alpah: 'warn' } }, "unknown rule 'alpah' in rules (did you mean 'alpha'?)"],
    [{ rules: { alpha: 'loud' } }, "rules.alpha must be 'off', 'warn', 'error' or [severity, options]"],
    [{ rules: { alpha: ['warn', { max: 'lots' }] } }, "rule 'alpha': option 'max' must be integer"],
    [{ rules: { alpha: ['warn', { min: 1 }] } }, "rule 'alpha': unknown option 'min'"],
    [{ language: { default: 'es', detct: ['es'] } }, "unknown key 'detct' in language"],
    [{ platform: 'tiktokk' }, "unknown platform 'tiktokk' in platform"],
    [{ extends: 'postlint:strcit' }, "unknown preset 'postlint:strcit' in extends (did you mean 'postlint:strict'?)"],
    [{ extends: './missing.json' }, "cannot read './missing.json' named in extends: no such file"],
    [{ overrides: [{ rules: { alpha: 'off' } }] }, "must have required property 'files'"],
    [{ colour: 'red' }, "unknown key 'colour' in config"],
  ])('explains a bad config in one line: %j', async (config, message) => {
    const cwd = folder({ 'postlint.config.json': JSON.stringify(config) });
    const text = await configError(cwd, 'a.md');
    expect(text.startsWith('postlint.config.json: ')).toBe(true);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('names the file when a config found by searching cannot be parsed', async () => {
    const cwd = folder({ 'drafts/.postlintrc.json': '{ "rules": ' });
    expect(await configError(cwd, 'drafts/a.md')).toMatch(/^drafts\/\.postlintrc\.json: cannot read config: /u);
  });

  it('names the extended file that is broken', async () => {
    const cwd = folder({ 'base.json': '{ nope', 'postlint.config.json': JSON.stringify({ extends: './base.json' }) });
    expect(await configError(cwd, 'a.md')).toMatch(/^postlint\.config\.json: cannot read '\.\/base\.json' named in extends: /u);
  });

  it('detects an extends loop', async () => {
    const cwd = folder({ 'a.json': JSON.stringify({ extends: './b.json' }), 'b.json': JSON.stringify({ extends: './a.json' }), 'postlint.config.json': JSON.stringify({ extends: './a.json' }) });
    expect(await configError(cwd, 'x.md')).toMatch(/extends loops back/u);
  });
});
