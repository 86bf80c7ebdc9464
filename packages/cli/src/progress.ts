import type { Io } from './run.js';

/** A progress line on stderr for long runs, only when stderr is a terminal. */
export class Progress {
  private readonly enabled: boolean;
  private count = 0;
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly io: Io,
  ) {
    this.enabled = total >= 300 && io.stderrIsTTY === true;
  }

  tick(what: string): void {
    this.set(this.count + 1, what);
  }

  set(count: number, what: string): void {
    this.count = count;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && count < this.total) return;
    this.last = now;
    this.io.stderr(`\rpostlint: ${what} ${count}/${this.total} files`);
  }

  done(): void {
    if (this.enabled) this.io.stderr('\r\u001b[2K');
  }
}


/** `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
