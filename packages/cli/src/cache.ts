import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { LintResult, ResolvedConfig } from '@postlint/core';

interface Entry {
  /** sha1 of the file's bytes as text. */
  readonly hash: string;
  /** sha1 of the resolved config the result was computed with. */
  readonly config: string;
  readonly result: LintResult;
}

interface CacheFile {
  readonly fingerprint: string;
  readonly entries: Record<string, Entry>;
}

export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

const configHashes = new WeakMap<ResolvedConfig, string>();
function configHash(config: ResolvedConfig): string {
  let hash = configHashes.get(config);
  if (hash === undefined) {
    hash = sha1(JSON.stringify(config));
    configHashes.set(config, hash);
  }
  return hash;
}

/**
 * Results keyed on file content + resolved config, invalidated as a whole when postlint or
 * its rules change (the fingerprint). Content hashes, not mtimes, so it is safe in CI where
 * a fresh checkout touches every file.
 */
export class LintCache {
  private dirty = false;

  private constructor(
    private readonly path: string,
    private readonly cwd: string,
    private readonly fingerprint: string,
    private readonly entries: Record<string, Entry>,
  ) {}

  /** Opens the cache at `location` (a file, or a folder to put `.postlintcache` in). */
  static async open(location: string, cwd: string, fingerprint: string): Promise<LintCache> {
    let path = resolve(cwd, location);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory() === true || /[/\\]$/u.test(location)) path = join(path, '.postlintcache');
    let entries: Record<string, Entry> = {};
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      // A cache from another version, or a damaged one, is simply started again.
      if (data.fingerprint === fingerprint && typeof data.entries === 'object') entries = data.entries;
    } catch {
      entries = {};
    }
    return new LintCache(path, cwd, fingerprint, entries);
  }

  private key(file: string): string {
    return relative(this.cwd, file);
  }

  get(file: string, hash: string, config: ResolvedConfig): LintResult | undefined {
    const entry = this.entries[this.key(file)];
    if (entry?.hash !== hash || entry.config !== configHash(config)) return undefined;
    return { ...entry.result, filePath: file };
  }

  set(file: string, hash: string, config: ResolvedConfig, result: LintResult): void {
    this.entries[this.key(file)] = { hash, config: configHash(config), result: { ...result, filePath: this.key(file) } };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ fingerprint: this.fingerprint, entries: this.entries } satisfies CacheFile));
    // Rename is atomic: a run killed half-way never leaves a half-written cache.
    await rename(tmp, this.path);
  }
}
