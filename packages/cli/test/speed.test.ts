import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tree } from './helpers.js';

const PROMO = 'We are the best bakery in town. Our award-winning croissants are the finest, and we bake our bread with our own flour. Buy now at our shop!\n';
const ASKS = 'Rainy Sunday? Tell us which bread you would bake at home today.\n';

function drafts(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`drafts/${String(i).padStart(4, '0')}.md`] = i % 3 === 0 ? PROMO : i % 3 === 1 ? ASKS : `Post number ${i} with no question at all.\n`;
  return files;
}

const paths = (stdout: string, cwd: string): string[] => (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath.slice(cwd.length + 1));

describe('--shard', () => {
  it('splits the files deterministically: every file in exactly one shard', async () => {
    const cwd = tree(drafts(23));
    const all = paths((await cli(['-f', 'json'], { cwd })).stdout, cwd);
    const shards: string[][] = [];
    for (let i = 1; i <= 4; i++) shards.push(paths((await cli(['-f', 'json', '--shard', `${i}/4`], { cwd })).stdout, cwd));
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
    for (const shard of shards) expect(shard.length).toBeGreaterThanOrEqual(5);
    expect(paths((await cli(['-f', 'json', '--shard', '2/4'], { cwd })).stdout, cwd)).toEqual(shards[1]);
  });

  it.each(['0/4', '5/4', '1/0', 'half', '1-4'])('rejects --shard %s', async (value) => {
    const { code, stderr } = await cli(['--shard', value], { cwd: tree({ 'a.md': ASKS }) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--shard must look like 2\/4/u);
  });
});

describe('--cache', () => {
  it('re-uses results of unchanged files and re-lints changed ones', async () => {
    const cwd = tree({ 'a.md': PROMO, 'b.md': ASKS });
    const first = await cli(['--cache', '-f', 'json'], { cwd });
    const cacheFile = join(cwd, '.postlintcache');
    expect(existsSync(cacheFile)).toBe(true);
    // Prove the second run reads the cache: plant a marker in a.md's cached result.
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { result: { messages: { message: string }[] } }> };
    data.entries['a.md']!.result.messages[0]!.message = 'FROM CACHE';
    writeFileSync(cacheFile, JSON.stringify(data));
    const second = await cli(['--cache', '-f', 'json'], { cwd });
    expect(second.stdout).toContain('FROM CACHE');
    expect(second.code).toBe(first.code);
    // Changed content is linted again.
    writeFileSync(join(cwd, 'a.md'), `${PROMO}\nOne more line.\n`);
    expect((await cli(['--cache', '-f', 'json'], { cwd })).stdout).not.toContain('FROM CACHE');
  });

  it('is invalidated by a config change', async () => {
    const cwd = tree({ 'a.md': PROMO });
    await cli(['--cache'], { cwd });
    const cacheFile = join(cwd, '.postlintcache');
    const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { result: { messages: { message: string }[] } }> };
    data.entries['a.md']!.result.messages[0]!.message = 'FROM CACHE';
    writeFileSync(cacheFile, JSON.stringify(data));
    writeFileSync(join(cwd, 'postlint.config.json'), JSON.stringify({ brand: { names: ['Lola'] } }));
    expect((await cli(['--cache', '-f', 'json'], { cwd })).stdout).not.toContain('FROM CACHE');
  });

  it('writes where --cache-location says (a file or a folder) and ignores a damaged cache', async () => {
    const cwd = tree({ 'a.md': PROMO, 'tmp/.keep': '' });
    await cli(['--cache', '--cache-location', 'tmp/'], { cwd });
    expect(existsSync(join(cwd, 'tmp', '.postlintcache'))).toBe(true);
    await cli(['--cache', '--cache-location', 'tmp/custom.json'], { cwd });
    expect(existsSync(join(cwd, 'tmp', 'custom.json'))).toBe(true);
    writeFileSync(join(cwd, 'tmp', 'custom.json'), '{ not json');
    const run = await cli(['--cache', '--cache-location', 'tmp/custom.json', '-f', 'json'], { cwd });
    expect(run.code).toBe(0);
    expect(paths(run.stdout, cwd)).toEqual(['a.md']);
  });
});

describe('--concurrency', () => {
  it('gives the same results on worker threads as in one thread', async () => {
    const cwd = tree(drafts(40));
    const one = await cli(['-f', 'json', '--concurrency', '1'], { cwd });
    const two = await cli(['-f', 'json', '--concurrency', '2'], { cwd });
    expect(two.code).toBe(one.code);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  });

  it('gives the same results when files reach the threads while others are still being read', async () => {
    // More files than a batch (50), so batches are sent during reading; one bad file among them.
    const cwd = tree({ ...drafts(130), 'zz-binary.md': Buffer.from([0x68, 0x00, 0x69]) });
    const one = await cli(['-f', 'json', '--concurrency', '1'], { cwd });
    const three = await cli(['-f', 'json', '--concurrency', '3'], { cwd });
    expect(one.code).toBe(2);
    expect(three.code).toBe(one.code);
    expect(JSON.parse(three.stdout)).toEqual(JSON.parse(one.stdout));
    // With --cache the threads start after reading, for the files the cache does not have.
    const cached = await cli(['-f', 'json', '--concurrency', '3', '--cache', '--cache-location', 'tmp/cache.json'], { cwd });
    expect(JSON.parse(cached.stdout)).toEqual(JSON.parse(one.stdout));
  });

  it('gives each file its own folder\'s config on the threads (configs are sent once, by number)', async () => {
    // Two configs, files interleaved so every batch mixes them: a thread that used the wrong
    // config for a file would report too-long (or not) on the wrong ones.
    const files: Record<string, string> = {
      'short/.postlintrc.yaml': 'rules:\n  too-long: [error, { limits: { x: 20 } }]\n',
      'brand/.postlintrc.yaml': 'brand:\n  names: [Panadería Sol]\n',
    };
    for (let i = 0; i < 120; i++) files[`${i % 2 === 0 ? 'short' : 'brand'}/${String(i).padStart(4, '0')}.md`] = i % 3 === 0 ? PROMO : ASKS;
    const cwd = tree(files);
    const one = await cli(['-f', 'json', '--concurrency', '1'], { cwd });
    const two = await cli(['-f', 'json', '--concurrency', '2'], { cwd });
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    const tooLong = (JSON.parse(two.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).filter((r) => r.messages.some((m) => m.ruleId === 'too-long'));
    expect(tooLong.length).toBe(60);
    expect(tooLong.every((r) => r.filePath.includes('/short/'))).toBe(true);
  });

  it('rejects a bad value', async () => {
    const { code, stderr } = await cli(['--concurrency', 'lots'], { cwd: tree({ 'a.md': ASKS }) });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--concurrency must be 'auto' or a number/u);
  });
});

describe('progress line', () => {
  it('is shown on a terminal for large runs only, and erased at the end', async () => {
    const cwd = tree(drafts(320));
    const tty = await cli(['--concurrency', '1'], { cwd, stderrIsTTY: true });
    expect(tty.stderr).toMatch(/\rpostlint: linting \d+\/320 files/u);
    expect(tty.stderr.endsWith(`\r${String.fromCharCode(27)}[2K`)).toBe(true);
    expect((await cli(['--concurrency', '1'], { cwd })).stderr).toBe('');
    expect((await cli([], { cwd: tree(drafts(10)), stderrIsTTY: true })).stderr).toBe('');
  });
});
