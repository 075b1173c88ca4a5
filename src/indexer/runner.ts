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

/** How long each step of a re-index took, in milliseconds (the snapshot is written later). */
export interface RunPhases {
  scanMs: number;
  applyMs: number;
  /** The reader's side of the swap (`onApplied`). */
  swapMs: number;
}

export interface ReindexOptions {
  indexer: Indexer;
  /**
   * Called right after the archive and the search index changed, in the same synchronous step:
   * the place to swap the state readers see, before anything else can run.
   */
  onApplied(): void;
  /** Called once a run's change is live (searchable), before its snapshot is written. */
  onDone?(report: IndexReport, phases: RunPhases): void;
  /** Called after a snapshot was written in the background, with its id and how long it took. */
  onPersisted?(id: string, ms: number): void;
  onPersistError?(error: unknown): void;
  /**
   * How long the folder must stay quiet before the snapshot is written (default 10 s), and the
   * longest a change may stay unsaved while changes keep coming (default 2 min). A write costs
   * seconds of the event loop at 100k talks; what a crash loses is only the extraction of the
   * posts changed since, which the next boot redoes.
   */
  persistDelayMs?: number;
  persistMaxDelayMs?: number;
}

export interface Reindexer {
  /** Re-scans the whole posts folder; resolves once the change is live and its snapshot written. */
  all(): Promise<IndexReport>;
  /**
   * Looks at these posts only (relative, "/"-separated paths), unless a full scan is due;
   * resolves once the change is live. The snapshot is written once the folder is quiet.
   */
  paths(paths: string[]): Promise<IndexReport>;
  /** Resolves once no run is in progress or waiting and every applied change is written. */
  idle(): Promise<void>;
}

/**
 * Writes the snapshot off the path of the change: once changes stop coming for `delayMs` (a
 * `git pull` is one write, not one per post), and at the latest `maxDelayMs` after the first
 * unsaved change. Writes never overlap; a change applied during a write is saved by the next.
 */
function createSaver(indexer: Indexer, options: ReindexOptions) {
  const delayMs = options.persistDelayMs ?? 10_000;
  const maxDelayMs = options.persistMaxDelayMs ?? 120_000;
  let timer: NodeJS.Timeout | null = null;
  let firstAt: number | null = null;
  let unsaved = false;
  let writing: Promise<string | null> | null = null;

  async function flush(): Promise<string | null> {
    if (timer) clearTimeout(timer);
    timer = null;
    while (writing) await writing.catch(() => null);
    if (!unsaved) return null;
    unsaved = false;
    firstAt = null;
    const startedAt = performance.now();
    writing = indexer.persist();
    try {
      const id = await writing;
      if (id) options.onPersisted?.(id, Math.round(performance.now() - startedAt));
      return id;
    } catch (error) {
      // Tried again after the longest delay, so a full disk is not hammered every change.
      schedule(maxDelayMs);
      throw error;
    } finally {
      writing = null;
    }
  }

  function schedule(wait = delayMs): void {
    unsaved = true;
    const now = performance.now();
    firstAt ??= now;
    if (timer) clearTimeout(timer);
    const ms = Math.max(0, Math.min(wait, firstAt + maxDelayMs - now));
    timer = setTimeout(() => flush().catch((error) => options.onPersistError?.(error)), ms);
    // A pending write never holds a process open: closing calls idle(), which writes it now.
    timer.unref();
  }

  return { schedule, flush };
}

/**
 * Re-indexing in three steps: scan and extract aside (async; readers still see the old state),
 * apply and swap (sync, so no request runs in between), then write the snapshot (async, later,
 * outside the run, so the next change does not wait for it).
 */
export function createReindexer(options: ReindexOptions): Reindexer {
  const { indexer, onApplied, onDone } = options;
  const saver = createSaver(indexer, options);
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
      const appliedAt = performance.now();
      onApplied();
      const swappedAt = performance.now();
      saver.schedule();
      report.durationMs = Math.round(swappedAt - startedAt);
      const ms = (from: number, to: number) => Math.round(to - from);
      const phases = { scanMs: ms(startedAt, scannedAt), applyMs: ms(scannedAt, appliedAt) };
      onDone?.(report, { ...phases, swapMs: ms(appliedAt, swappedAt) });
      return report;
    } catch (error) {
      // What this run was to look at is not known to be done: the next run looks at everything.
      scope = 'all';
      throw error;
    }
  });
  return {
    async all() {
      scope = 'all';
      const report = await runner.trigger();
      report.snapshot.written = await saver.flush();
      return report;
    },
    paths(paths) {
      if (scope !== 'all') for (const path of paths) scope.add(path);
      return runner.trigger();
    },
    async idle() {
      do {
        await runner.idle();
        await saver.flush();
      } while (runner.busy);
    },
  };
}
