/** Writes raw results under bench/results/ (git-ignored): one dated file per run and a "latest" copy. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '..', 'results');

export function environment(): Record<string, unknown> {
  return {
    date: new Date().toISOString(),
    node: process.version,
    flags: process.execArgv.filter((flag) => flag !== '--import' && !flag.includes('tsx')),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

export function saveResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const body = `${JSON.stringify({ environment: environment(), ...(data as object) }, null, 2)}\n`;
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(file, body);
  writeFileSync(path.join(RESULTS_DIR, `${name}-latest.json`), body);
  return file;
}

/** Prints a compact line per figure for the person running the benchmark. */
export function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** True when the module at `filename` is the script node was started with. */
export function isMain(filename: string): boolean {
  return path.resolve(process.argv[1] ?? '') === filename;
}

/** When a benchmark began and how busy the machine was then: figures from a busy machine are slower. */
export function started(): { startedAt: string; loadAtStart: number[] } {
  return { startedAt: new Date().toISOString(), loadAtStart: os.loadavg().map((n) => Number(n.toFixed(2))) };
}
