/**
 * Long computations on the main thread that let the server go on answering: a `Pacer` yields a
 * turn of the event loop whenever `budgetMs` have passed since the last one, so no stretch of
 * synchronous work lasts much longer than that, while short work never waits.
 */
import { performance } from 'node:perf_hooks';

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Items between two looks at the clock. */
const STRIDE = 256;

export class Pacer {
  private since = performance.now();

  constructor(private readonly budgetMs = 20) {}

  /** Yields a turn if the budget is spent. */
  async step(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await nextTurn();
    this.since = performance.now();
  }

  async map<T, R>(items: readonly T[], map: (item: T, index: number) => R): Promise<R[]> {
    const out = new Array<R>(items.length);
    for (let at = 0; at < items.length; at += STRIDE) {
      const end = Math.min(items.length, at + STRIDE);
      for (let i = at; i < end; i++) out[i] = map(items[i]!, i);
      await this.step();
    }
    return out;
  }

  async forEach<T>(items: Iterable<T>, visit: (item: T) => void): Promise<void> {
    let count = 0;
    for (const item of items) {
      visit(item);
      if (++count % STRIDE === 0) await this.step();
    }
  }
}
