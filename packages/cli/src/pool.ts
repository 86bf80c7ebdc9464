import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '@postlint/core';
import type { Batch, BatchDone, Task, TaskOutcome } from './worker.js';

/**
 * Worker threads that lint files as they are handed in. Started before the files are read,
 * so that loading the linter in each thread, reading the files and linting them overlap;
 * `close` must always be called.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  /**
   * Each config goes to a thread once, then tasks name it by number: a config cloned with
   * every file would be a new object per file, and the rules' caches per config would miss.
   */
  private readonly configIds = new Map<ResolvedConfig, number>();
  private readonly known = new Map<Worker, Set<number>>();
  /** Files not yet sent to a thread; sent ones are dropped, so their text can be freed. */
  private readonly queue: Task[] = [];
  /** Each thread's answers, still serialized, by the index of their first file. */
  private readonly answers: BatchDone[] = [];
  /** Files sent to a thread so far: the index of the next one in `outcomes`. */
  private sent = 0;
  private done = 0;
  private ended = false;
  private failure: Error | null = null;
  private settle: (() => void) | null = null;
  private onProgress: (done: number) => void = () => undefined;

  /** `batchSize`: files per message, enough to keep messages few, small enough to balance. */
  constructor(
    size: number,
    private readonly batchSize = 50,
  ) {
    const url = new URL('./worker.js', import.meta.url);
    // A bounded heap makes V8 collect instead of growing: peak memory stays flat on big runs.
    // The young generation too: by default it grows to ~50 MB, where a post's working data
    // is a few hundred KB (10k posts: ~20 MB less at the same speed).
    this.workers = Array.from({ length: size }, () => new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 } }));
    for (const worker of this.workers) {
      worker.on('message', (message: BatchDone) => {
        this.answers.push(message);
        this.done += message.count;
        this.onProgress(this.done);
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (error: Error) => {
        this.failure = error;
        this.settle?.();
      });
      // Two batches in hand: a thread starts the next as soon as it posts one, instead of
      // waiting for this thread to answer.
      this.idle.push(worker, worker);
    }
  }

  /** Queues one file; it is linted as soon as a thread is free and a batch is full. */
  add(task: Task): void {
    this.queue.push(task);
    this.dispatch();
  }

  /**
   * Lints whatever is queued and resolves with every outcome, in the order the files were
   * added. The threads are stopped first: their memory is given back before the results
   * are decoded.
   */
  async finish(onProgress: (done: number) => void): Promise<TaskOutcome[]> {
    this.onProgress = onProgress;
    this.ended = true;
    this.dispatch();
    await new Promise<void>((resolve) => {
      this.settle = resolve;
      if (this.allDone || this.failure !== null) resolve();
    });
    if (this.failure !== null) throw this.failure;
    await this.close();
    const outcomes: TaskOutcome[] = [];
    for (const { id, bytes } of this.answers.sort((a, b) => a.id - b.id)) {
      (deserialize(bytes) as TaskOutcome[]).forEach((o, i) => (outcomes[id + i] = o));
    }
    return outcomes;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private get allDone(): boolean {
    return this.done === this.sent + this.queue.length;
  }

  private dispatch(): void {
    if (this.allDone && this.ended) this.settle?.();
    while (this.idle.length > 0 && this.queue.length > 0 && (this.ended || this.queue.length >= this.batchSize)) {
      const worker = this.idle.pop();
      if (!worker) break;
      const tasks = this.queue.splice(0, this.batchSize);
      worker.postMessage(this.batch(worker, this.sent, tasks));
      this.sent += tasks.length;
    }
  }

  private batch(worker: Worker, id: number, tasks: readonly Task[]): Batch {
    let known = this.known.get(worker);
    if (!known) this.known.set(worker, (known = new Set()));
    const configs: [number, ResolvedConfig][] = [];
    const items = tasks.map(({ file, text, config }) => {
      let configId = this.configIds.get(config);
      if (configId === undefined) this.configIds.set(config, (configId = this.configIds.size));
      if (!known.has(configId)) {
        known.add(configId);
        configs.push([configId, config]);
      }
      return { file, text, configId };
    });
    return { id, configs, tasks: items };
  }
}
