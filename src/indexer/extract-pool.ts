/**
 * A small pool of worker threads that run the extractor with a time limit per post.
 *
 * A post that makes the extractor throw, or run longer than `timeoutMs`, fails with an
 * ExtractFailure that names it; a worker that overran is terminated and replaced, so one
 * pathological post costs one worker start and never blocks the rest of the run.
 */
import os from 'node:os';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ExtractedPost } from '../model.ts';
import type { ExtractRequest, ExtractResponse } from './extract-worker.ts';

export interface ExtractPoolOptions {
  /** Number of worker threads; defaults to the number of cores. */
  size?: number;
  /** Time limit for one post, in milliseconds (default 5000). */
  timeoutMs?: number;
  /** URL of a module exporting `extractPost(source, bytes)`; defaults to src/extract/index.ts. */
  extractModule?: string;
  /** The workers' heap limits; defaults to EXTRACT_WORKER_LIMITS. */
  resourceLimits?: ResourceLimits;
}

export interface ExtractPool {
  /** Extracts one post; rejects with ExtractFailure when it throws or exceeds the time limit. */
  extract(source: string, bytes: Uint8Array): Promise<ExtractedPost>;
  /** Starts every worker now, so that the first posts do not wait for them; resolves when ready. */
  warm(): Promise<void>;
  /** Terminates the workers; pending posts fail. */
  close(): Promise<void>;
}

export const DEFAULT_EXTRACT_TIMEOUT_MS = 5000;

/**
 * A memory cap, so that a post that makes the extractor balloon crashes its worker, not the
 * process. Not lower: V8 sizes its collections by the limit, and with a 512 MB cap the workers
 * extracted about 15 % fewer posts per CPU-second than with 2 GB or none (bench/README.md).
 */
export const EXTRACT_WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

/** Its message is the reason alone ("extraction took longer than 5000 ms"); `source` names the post. */
export class ExtractFailure extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(reason);
  }
}

interface Job extends ExtractRequest {
  resolve(post: ExtractedPost): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Settles once the worker is ready, or gone. */
  started: Promise<void>;
  settle(): void;
}

/**
 * Workers load TypeScript through tsx. A `--import tsx` in the worker's execArgv is not applied
 * before the entry module loads on Node 20, so a tiny bootstrap registers tsx first.
 */
function bootstrap(entry: string): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}

export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS;
  const extractModule = options.extractModule ?? new URL('../extract/index.ts', import.meta.url).href;
  const code = bootstrap(new URL('./extract-worker.ts', import.meta.url).href);
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  let nextId = 1;
  let closed = false;

  function finish(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    return job;
  }

  function onMessage(slot: Slot, message: ExtractResponse): void {
    if (message.type === 'ready') {
      slot.ready = true;
      slot.settle();
    } else {
      const job = finish(slot);
      if (job && message.type === 'done') job.resolve(message.post);
      else if (job && message.type === 'failed')
        job.reject(new ExtractFailure(job.source, `extraction failed (${message.reason})`));
    }
    pump();
  }

  function onCrash(slot: Slot, error: Error): void {
    slot.settle();
    if (!slots.has(slot)) return;
    slots.delete(slot);
    const job = finish(slot);
    if (job) job.reject(new ExtractFailure(job.source, `extraction crashed (${error.message})`));
    else if (!slot.ready) failAll(new Error(`extraction worker could not start: ${error.message}`));
    pump();
  }

  function spawn(): void {
    const worker = new Worker(code, {
      eval: true,
      workerData: { extractModule },
      resourceLimits: options.resourceLimits ?? EXTRACT_WORKER_LIMITS,
    });
    let settle = () => {};
    const started = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null, started, settle };
    slots.add(slot);
    worker.on('message', (message: ExtractResponse) => onMessage(slot, message));
    worker.on('error', (error) => onCrash(slot, error));
    worker.on('exit', (code) => onCrash(slot, new Error(`worker exited with code ${code}`)));
  }

  function dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      slots.delete(slot);
      finish(slot);
      job.reject(new ExtractFailure(job.source, `extraction took longer than ${timeoutMs} ms`));
      void slot.worker.terminate();
      pump();
    }, timeoutMs);
    slot.worker.postMessage({ id: job.id, source: job.source, bytes: job.bytes } satisfies ExtractRequest);
  }

  function pump(): void {
    if (closed) return;
    for (const slot of slots) {
      const job = slot.ready && !slot.job ? queue.shift() : undefined;
      if (job) dispatch(slot, job);
    }
    // Start workers only when there is work for them, up to the pool size.
    const idle = [...slots].filter((slot) => !slot.job).length;
    for (let i = idle; i < queue.length && slots.size < size; i++) spawn();
  }

  function failAll(error: Error): void {
    for (const job of queue.splice(0)) job.reject(error);
  }

  return {
    extract(source, bytes) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      return new Promise<ExtractedPost>((resolve, reject) => {
        queue.push({ id: nextId++, source, bytes, resolve, reject });
        pump();
      });
    },
    async warm() {
      while (!closed && slots.size < size) spawn();
      await Promise.all([...slots].map((slot) => slot.started));
    },
    async close() {
      closed = true;
      failAll(new Error('the extraction pool is closed'));
      const all = [...slots];
      slots.clear();
      for (const slot of all) finish(slot)?.reject(new Error('the extraction pool is closed'));
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
