import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from './helpers.js';

const drafts = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'drafts');
const DIST_BIN = join(import.meta.dirname, '..', 'dist', 'bin.js');

/** Runs `entry` (a script exporting `main`, or the bin) and records every module URL it resolves. */
function runRecording(script: string, args: readonly string[]): { stdout: string; status: number | null; urls: string[] } {
  const dir = tempDir('postlint-bundle-');
  const log = join(dir, 'loaded.txt');
  writeFileSync(log, '');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}\n`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), script, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { stdout: run.stdout, status: run.status, urls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('bundled CLI', () => {
  it('the bin runs from the single bundle, not from the separate modules', () => {
    const { urls, status } = runRecording(BIN, [drafts]);
    expect(status).toBe(0);
    expect(urls.some((u) => u.endsWith('/packages/cli/bundle/postlint.js'))).toBe(true);
    expect(urls.filter((u) => /\/(?:packages\/core|rules|packages\/cli)\/dist\//u.test(u))).toEqual([]);
  });

  it('reports exactly what the unbundled modules report', () => {
    const bundled = runRecording(BIN, [drafts, '--format', 'json']);
    const main = join(tempDir('postlint-bundle-'), 'dist-main.mjs');
    writeFileSync(main, `import { main } from ${JSON.stringify(DIST_BIN)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const unbundled = runRecording(main, [drafts, '--format', 'json']);
    expect(unbundled.urls.some((u) => u.includes('/packages/core/dist/'))).toBe(true);
    expect(bundled.stdout).not.toBe('');
    expect(bundled.stdout).toBe(unbundled.stdout);
  });
});
