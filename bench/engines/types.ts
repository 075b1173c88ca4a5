/** What each search engine under measurement offers the search benchmark. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Archive, SearchQuery, Talk } from '../../src/model.ts';
import type { QueryKind } from '../lib/queries.ts';

export interface SnapshotFigures {
  exportMs: number;
  writeMs: number;
  bytes: number;
  /** Read the file, parse the JSON, load the index: what a restart pays. */
  loadMs: number;
  /** CPU time of the load: less sensitive than the wall clock to a busy machine. */
  loadCpuMs: number;
}

export interface Engine {
  readonly name: string;
  /** Queries of a kind this engine cannot run are reported as "n/a" rather than faked. */
  readonly kinds: readonly QueryKind[];
  build(archive: Archive): void;
  search(query: SearchQuery): unknown;
  /** Exports the built index into `file` and loads it back; the loaded index replaces the built one. */
  snapshot(file: string, archive: Archive): Promise<SnapshotFigures>;
  /** Takes in the talks of one edited post (already in `archive`); returns once they are searchable. */
  update(archive: Archive, changed: Talk[], removed: string[]): void;
  /** Frees whatever build() made, so heap figures of later steps are not doubled. */
  release?(): void;
}

/** Milliseconds to one decimal: more digits would be noise on a shared machine. */
export const ms = (value: number): number => Math.round(value * 10) / 10;

/** CPU time (user + system) since `since`, in milliseconds. */
export const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return ms((used.user + used.system) / 1000);
};

/**
 * Times one snapshot round trip the same way for every engine: `exportData` makes the engine's
 * plain data, the write step serialises it to JSON and writes `file`, and `load` gets the
 * file's text back and rebuilds the index from it.
 */
export function measureSnapshot(
  file: string,
  exportData: () => unknown,
  load: (text: string) => void,
): SnapshotFigures {
  let start = performance.now();
  const data = exportData();
  const exportMs = performance.now() - start;
  start = performance.now();
  const json = JSON.stringify(data);
  writeFileSync(file, json);
  const writeMs = performance.now() - start;
  const cpu = process.cpuUsage();
  start = performance.now();
  load(readFileSync(file, 'utf8'));
  return {
    exportMs: ms(exportMs),
    writeMs: ms(writeMs),
    bytes: json.length,
    loadMs: ms(performance.now() - start),
    loadCpuMs: cpuMs(cpu),
  };
}
