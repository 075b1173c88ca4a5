/**
 * The archive's own search (src/search/index.ts): FlexSearch plus our ranking, filters, facet
 * counts on four facets and 20 HTML-safe snippets per page, through the SearchIndex interface.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import type { SearchExport, SearchIndex } from '../../src/search/types.ts';
import { cpuMs, type Engine, ms, type SnapshotFigures } from './types.ts';

export async function createAppEngine(): Promise<Engine> {
  let index: SearchIndex | null = null;
  const built = (): SearchIndex => {
    if (!index) throw new Error('the index is not built yet: call build() first');
    return index;
  };
  return {
    name: 'app',
    kinds: ['one', 'two', 'prefix', 'filtered'],
    build(archive) {
      index = createSearchIndex(archive);
    },
    search(q) {
      return built().search(q);
    },
    async snapshot(file, archive): Promise<SnapshotFigures> {
      let start = performance.now();
      const saved = built().export();
      const exportMs = performance.now() - start;
      start = performance.now();
      const json = JSON.stringify(saved);
      writeFileSync(file, json);
      const writeMs = performance.now() - start;
      const cpu = process.cpuUsage();
      start = performance.now();
      index = loadSearchIndex(archive, JSON.parse(readFileSync(file, 'utf8')) as SearchExport);
      return {
        exportMs: ms(exportMs),
        writeMs: ms(writeMs),
        bytes: json.length,
        loadMs: ms(performance.now() - start),
        loadCpuMs: cpuMs(cpu),
      };
    },
    update(archive, changed, removed) {
      built().apply(archive, changed, removed);
    },
  };
}
