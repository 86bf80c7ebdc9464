import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { TestRunner, afterAll, onTestFinished } from 'vitest';
import { run, type Io, type ReadFile } from 'postlint';

export const BIN = join(import.meta.dirname, '..', 'bin', 'postlint.js');

/**
 * Creates an empty temporary folder named `<prefix>XXXXXX` and removes it again when the
 * test that made it has finished. Made outside a test (at a file's top level or in a
 * `describe` body, while the tests are collected), it is removed after that suite's tests.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  if (TestRunner.getCurrentTest()) onTestFinished(remove);
  else afterAll(remove);
  return dir;
}

/** Creates a temporary folder with the given files (path → text or bytes), removed like {@link tempDir}'s. */
export function tree(files: Readonly<Record<string, string | Buffer>>): string {
  const root = tempDir('postlint-test-');
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** Every file under `root` with its bytes and mtime, to prove a run wrote nothing. */
export function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(root, full)] = `${statSync(full).mtimeMs}:${readFileSync(full).toString('base64')}`;
    }
  };
  walk(root);
  return out;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (fast) with captured output. */
export async function cli(
  args: readonly string[],
  options: { cwd: string; stdin?: string | Buffer; isTTY?: boolean; stderrIsTTY?: boolean; env?: Record<string, string>; readFile?: ReadFile },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: () => Promise.resolve(Buffer.isBuffer(options.stdin) ? options.stdin : Buffer.from(options.stdin ?? '')),
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    ...(options.readFile ? { readFile: options.readFile } : {}),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Runs the real `postlint` binary in a child process. */
export function spawnCli(args: readonly string[], options: { cwd: string; input?: string; env?: Record<string, string> }): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
