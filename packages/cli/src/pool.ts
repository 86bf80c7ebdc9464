import { Worker } from 'node:worker_threads';
import type { Task, TaskOutcome } from './worker.js';

/**
 * Worker threads that lint batches of files. Started before the files are read, so that
 * loading the linter in each thread overlaps the reading; `close` must always be called.
 */
export class WorkerPool {
  private readonly workers: Worker[];

  constructor(size: number) {
    const url = new URL('./worker.js', import.meta.url);
    // A bounded heap makes V8 collect instead of growing: peak memory stays flat on big runs.
    this.workers = Array.from({ length: size }, () => new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 128 } }));
  }

  /** Lints `tasks` in batches (few messages, balanced load); outcomes come back in task order. */
  async lint(tasks: readonly Task[], onProgress: (done: number) => void): Promise<TaskOutcome[]> {
    const outcomes: TaskOutcome[] = new Array<TaskOutcome>(tasks.length);
    const batchSize = Math.max(10, Math.min(200, Math.ceil(tasks.length / (this.workers.length * 8))));
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolveWorker, reject) => {
            const send = (): void => {
              if (next >= tasks.length) {
                worker.off('message', receive);
                worker.off('error', reject);
                resolveWorker();
                return;
              }
              const id = next;
              next = Math.min(tasks.length, next + batchSize);
              worker.postMessage({ id, tasks: tasks.slice(id, next) });
            };
            const receive = (message: { id: number; outcomes: TaskOutcome[] }): void => {
              message.outcomes.forEach((o, i) => (outcomes[message.id + i] = o));
              done += message.outcomes.length;
              onProgress(done);
              send();
            };
            worker.on('message', receive);
            worker.on('error', reject);
            send();
          }),
      ),
    );
    return outcomes;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
