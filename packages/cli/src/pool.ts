import { Worker } from 'node:worker_threads';
import type { Task, TaskOutcome } from './worker.js';

/** Lints tasks on `size` worker threads, in batches to keep message overhead low. */
export async function lintInWorkers(tasks: readonly Task[], size: number, onProgress: (done: number) => void): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = new Array<TaskOutcome>(tasks.length);
  const batchSize = Math.max(10, Math.min(200, Math.ceil(tasks.length / (size * 8))));
  let next = 0;
  let done = 0;
  const url = new URL('./worker.js', import.meta.url);
  // A bounded heap makes V8 collect instead of growing: peak memory stays flat on big runs.
  const workers = Array.from({ length: size }, () => new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 128 } }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolveWorker, reject) => {
            const send = (): void => {
              if (next >= tasks.length) {
                resolveWorker();
                return;
              }
              const id = next;
              next = Math.min(tasks.length, next + batchSize);
              worker.postMessage({ id, tasks: tasks.slice(id, next) });
            };
            worker.on('message', (message: { id: number; outcomes: TaskOutcome[] }) => {
              message.outcomes.forEach((o, i) => (outcomes[message.id + i] = o));
              done += message.outcomes.length;
              onProgress(done);
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
