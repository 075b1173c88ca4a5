/**
 * Runs re-indexing jobs one at a time. Requests that arrive while a run is in progress are
 * coalesced into one next run: that run starts after the current one and sees every change made
 * before it starts, so no request is lost and runs never overlap.
 */

export interface Runner<R> {
  /** Asks for a run; resolves with the report of the first run that starts after the request. */
  trigger(): Promise<R>;
  /** Resolves once no run is in progress or waiting. */
  idle(): Promise<void>;
  readonly busy: boolean;
}

interface Waiter<R> {
  resolve(report: R): void;
  reject(error: unknown): void;
}

export function createRunner<R>(job: () => Promise<R>): Runner<R> {
  let current: Promise<void> | null = null;
  let waiting: Waiter<R>[] = [];

  async function loop(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const report = await job();
        for (const waiter of batch) waiter.resolve(report);
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    current = null;
  }

  return {
    trigger() {
      const report = new Promise<R>((resolve, reject) => waiting.push({ resolve, reject }));
      current ??= loop();
      return report;
    },
    async idle() {
      while (current) await current;
    },
    get busy() {
      return current !== null;
    },
  };
}
