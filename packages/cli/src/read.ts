import { readFileSync } from 'node:fs';

export type ReadFile = (path: string) => Promise<Buffer>;

export type ReadOutcome = { readonly text: string } | { readonly problem: string; readonly line?: number };

const decoder = new TextDecoder('utf-8', { fatal: true });

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'cannot read file: permission denied',
  EPERM: 'cannot read file: permission denied',
  ENOENT: 'cannot read file: it no longer exists',
  EISDIR: 'cannot read file: it is a directory',
};

/**
 * Drafts are small: one blocking read each is cheaper for the main thread than the promise
 * API's separate open, stat, read and close steps (which showed up as seconds of main-thread
 * time in a 10k-file profile). A throw inside the executor becomes a rejection.
 */
const readWhole: ReadFile = (path) =>
  new Promise((resolve) => {
    resolve(readFileSync(path));
  });

/**
 * Reads a draft as UTF-8 text, or says in one line why it cannot be linted (binary data,
 * invalid UTF-8, empty file, I/O error).
 */
export async function readDraft(path: string, read: ReadFile = readWhole): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await read(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { problem: REASONS[code] ?? `cannot read file: ${error instanceof Error ? error.message : String(error)}` };
  }
  return decodeDraft(bytes);
}

/** Decodes a draft's bytes (a file or stdin) with the same checks for every input. */
export function decodeDraft(bytes: Buffer): ReadOutcome {
  // NUL bytes do not occur in text files; this is what git and grep check too.
  if (bytes.subarray(0, 8000).includes(0)) return { problem: 'binary file: postlint reads Markdown or plain-text drafts' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const lossy = bytes.toString('utf8');
    const at = lossy.indexOf('\uFFFD');
    const line = at === -1 ? 1 : lossy.slice(0, at).split('\n').length;
    return { problem: `invalid UTF-8 (line ${line}): save the file as UTF-8`, line };
  }
  if (text.replace(/^\uFEFF/u, '').trim() === '') return { problem: 'empty file: there is no post to check' };
  return { text };
}
