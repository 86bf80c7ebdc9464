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


/**
 * Starts `fn` on the items in order, at most `limit` at a time, and returns one promise per
 * item: the caller can use the first results while the later ones are still coming.
 */
export function inOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R>[] {
  const starts: (() => void)[] = [];
  let active = 0;
  let next = 0;
  const pump = (): void => {
    while (active < limit && next < items.length) {
      active++;
      starts[next++]?.();
    }
  };
  const promises = items.map(
    (item, i) =>
      new Promise<R>((resolve, reject) => {
        starts[i] = () => {
          fn(item)
            .then(resolve, reject)
            .finally(() => {
              active--;
              pump();
            });
        };
      }),
  );
  pump();
  return promises;
}

