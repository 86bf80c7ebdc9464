/** Worker thread for --concurrency: lints batches of files sent by the main thread. */
import { parentPort } from 'node:worker_threads';
import { PostlintError, lintText, type LintResult, type ResolvedConfig } from '@postlint/core';
import { rules } from '@postlint/rules';

export interface Task {
  readonly file: string;
  readonly text: string;
  readonly config: ResolvedConfig;
}

export type TaskOutcome = { readonly result: LintResult } | { readonly error: string; readonly kind: string | null };

export async function lintTask(task: Task): Promise<TaskOutcome> {
  try {
    const { source: _source, ...result } = await lintText(task.text, { filePath: task.file, config: task.config, rules });
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
  readonly tasks: readonly { readonly file: string; readonly text: string; readonly configId: number }[];
}

const configs = new Map<number, ResolvedConfig>();

parentPort?.on('message', (batch: Batch) => {
  for (const [id, config] of batch.configs) configs.set(id, config);
  const tasks = batch.tasks.map(({ file, text, configId }) => {
    const config = configs.get(configId);
    if (!config) throw new Error(`postlint worker: config ${configId} was never sent`);
    return { file, text, config };
  });
  void lintBatch(tasks).then((outcomes) => parentPort?.postMessage({ id: batch.id, outcomes }));
});
