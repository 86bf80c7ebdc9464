/** Worker thread for --concurrency: lints batches of files sent by the main thread. */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { PostlintError, fatalResult, lintText, type LintResult, type ResolvedConfig } from '@postlint/core';
import { rules } from '@postlint/rules';
import { readDraft } from './read.js';

export interface Task {
  readonly file: string;
  /** Absent when the thread is to read the file itself. */
  readonly text?: string;
  readonly config: ResolvedConfig;
}

export type TaskOutcome = { readonly result: LintResult } | { readonly error: string; readonly kind: string | null };

export async function lintTask(task: Task): Promise<TaskOutcome> {
  let text = task.text;
  if (text === undefined) {
    const read = await readDraft(task.file);
    if ('problem' in read) return { result: fatalResult(task.file, read.problem, read.line) };
    text = read.text;
  }
  try {
    const { source: _source, ...result } = await lintText(text, { filePath: task.file, config: task.config, rules });
    return { result };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), kind: error instanceof PostlintError ? error.kind : null };
  }
}

/** One file at a time: linting a whole batch at once keeps every post's working data alive together. */
export async function lintBatch(tasks: readonly Task[], onEach: () => void = () => undefined): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  for (const task of tasks) {
    outcomes.push(await lintTask(task));
    onEach();
  }
  return outcomes;
}

/** What the pool sends a thread: files, and the configs it has not seen yet, by number. */
export interface Batch {
  readonly id: number;
  readonly configs: readonly (readonly [number, ResolvedConfig])[];
  readonly tasks: readonly { readonly file: string; readonly text?: string; readonly configId: number }[];
}

/** What a thread sends back: the outcomes of `count` files from `id` on, `v8.serialize`d. */
export interface BatchDone {
  readonly id: number;
  readonly count: number;
  readonly bytes: Uint8Array;
}

const configs = new Map<number, ResolvedConfig>();
/** Batches are linted one after the other, in the order they came. */
let previous: Promise<void> = Promise.resolve();

parentPort?.on('message', (batch: Batch) => {
  for (const [id, config] of batch.configs) configs.set(id, config);
  const tasks = batch.tasks.map(({ file, text, configId }) => {
    const config = configs.get(configId);
    if (!config) throw new Error(`postlint worker: config ${configId} was never sent`);
    return { file, text, config };
  });
  // Results go back serialized in a transferred buffer: the main thread keeps bytes outside
  // its heap until the threads have exited, instead of thousands of objects its GC must grow for.
  previous = previous.then(() => lintBatch(tasks)).then((outcomes) => {
    const bytes = serialize(outcomes);
    const done: BatchDone = { id: batch.id, count: outcomes.length, bytes };
    // Moved, not copied, when the bytes own their whole buffer (v8.serialize's do).
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    parentPort?.postMessage(done, own ? [bytes.buffer] : []);
  });
});
