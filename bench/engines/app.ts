/**
 * The archive's own search (src/search/index.ts): FlexSearch plus our ranking, filters, facet
 * counts on four facets and 20 HTML-safe snippets per page, through the SearchIndex interface.
 */
import { createSearchIndex, loadSearchIndex } from '../../src/search/index.ts';
import type { SearchExport, SearchIndex } from '../../src/search/types.ts';
import { type Engine, measureSnapshot, type SnapshotFigures } from './types.ts';

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
      return measureSnapshot(
        file,
        () => built().export(),
        (text) => {
          // As Indexer.open loads it: the archive is the one the index was saved with.
          index = loadSearchIndex(archive, JSON.parse(text) as SearchExport, { trusted: true });
        },
      );
    },
    update(archive, changed, removed) {
      built().apply(archive, changed, removed);
    },
  };
}
