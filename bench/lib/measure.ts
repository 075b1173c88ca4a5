/** Timing and memory helpers shared by the benchmarks. */

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export function summarise(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    mean: round(total / Math.max(1, sorted.length)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** Times each call in milliseconds, after `warmup` untimed calls on the first inputs. */
export function latencies<T>(inputs: T[], run: (input: T) => unknown, warmup = 50): Latency {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) run(inputs[i] as T);
  const samples: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    run(input);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export interface Throughput {
  items: number;
  bytes: number;
  seconds: number;
  perSecond: number;
  mbPerSecond: number;
}

/**
 * Warms up on the first `warmup` items, then cycles through the items until `minMs` have
 * elapsed and every item has been seen at least once (or, for slow work, at least 50 calls
 * were made), so a small corpus is measured over enough calls for the JIT and GC to settle.
 */
export function throughput<T>(
  items: T[],
  size: (item: T) => number,
  run: (item: T) => unknown,
  minMs = 3000,
  warmup = 20,
): Throughput {
  for (const item of items.slice(0, warmup)) run(item);
  let count = 0;
  let bytes = 0;
  const start = performance.now();
  let elapsed = 0;
  const enough = () => elapsed >= minMs && (count >= items.length || (count >= 50 && elapsed >= 2 * minMs));
  while (!enough()) {
    const item = items[count % items.length] as T;
    run(item);
    bytes += size(item);
    count++;
    elapsed = performance.now() - start;
  }
  const seconds = elapsed / 1000;
  return {
    items: count,
    bytes,
    seconds: round(seconds),
    perSecond: round(count / seconds, 1),
    mbPerSecond: round(bytes / 1e6 / seconds, 2),
  };
}

/**
 * Wall-clock and CPU time of one run. On a shared machine the wall clock includes time spent
 * waiting for a core; the CPU time (user + system, all threads) does not.
 */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const ms = round(performance.now() - start, 1);
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: round((used.user + used.system) / 1000, 1) };
}

/** Heap in use after full collections; needs `node --expose-gc`. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('heap figures need a garbage collector handle: run node with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);
