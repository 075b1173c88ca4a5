/**
 * Runs re-indexing jobs one at a time. Requests that arrive while a run is in progress are
 * coalesced into one next run: that run starts after the current one and sees every change made
 * before it starts, so no request is lost and runs never overlap.
 */
import { performance } from 'node:perf_hooks';
import type { Indexer, IndexReport } from './index.ts';

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

/** How long each step of a re-index took, in milliseconds. */
export interface RunPhases {
  scanMs: number;
  applyMs: number;
  persistMs: number;
}

export interface ReindexOptions {
  indexer: Indexer;
  /**
   * Called right after the archive and the search index changed, in the same synchronous step:
   * the place to swap the state readers see, before anything else can run.
   */
  onApplied(): void;
  onDone?(report: IndexReport, phases: RunPhases): void;
}

export interface Reindexer {
  /** Re-scans the whole posts folder. */
  all(): Promise<IndexReport>;
  /** Looks at these posts only (relative, "/"-separated paths), unless a full scan is due. */
  paths(paths: string[]): Promise<IndexReport>;
  idle(): Promise<void>;
}

/**
 * Re-indexing in three steps: scan and extract aside (async; readers still see the old state),
 * apply and swap (sync, so no request runs in between), then write the snapshot (async).
 */
export function createReindexer({ indexer, onApplied, onDone }: ReindexOptions): Reindexer {
  // What the next run must look at: the paths asked for since the last run started, or all.
  let scope: Set<string> | 'all' = new Set();
  const runner = createRunner(async () => {
    const paths = scope === 'all' ? undefined : [...scope];
    scope = new Set();
    try {
      const startedAt = performance.now();
      const changes = await indexer.scan(paths);
      const scannedAt = performance.now();
      const report = indexer.apply(changes, startedAt);
      onApplied();
      const appliedAt = performance.now();
      report.snapshot.written = await indexer.persist();
      const doneAt = performance.now();
      report.durationMs = Math.round(doneAt - startedAt);
      const ms = (from: number, to: number) => Math.round(to - from);
      onDone?.(report, {
        scanMs: ms(startedAt, scannedAt),
        applyMs: ms(scannedAt, appliedAt),
        persistMs: ms(appliedAt, doneAt),
      });
      return report;
    } catch (error) {
      // What this run was to look at is not known to be done: the next run looks at everything.
      scope = 'all';
      throw error;
    }
  });
  return {
    all() {
      scope = 'all';
      return runner.trigger();
    },
    paths(paths) {
      if (scope !== 'all') for (const path of paths) scope.add(path);
      return runner.trigger();
    },
    idle: () => runner.idle(),
  };
}
