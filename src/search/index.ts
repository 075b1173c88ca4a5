/**
 * Search over an archive of talks. Build an index from an archive, or load one saved in a
 * snapshot; both give a SearchIndex (types.ts). FlexSearch's configuration lives in config.ts
 * and nowhere else; SEARCH_CONFIG_HASH changes with it.
 *
 * Loading imports the saved FlexSearch index (much faster than re-indexing every talk), then
 * reconciles it with the archive it is given: talks whose indexed text changed since the export
 * are re-indexed, new ones added, missing ones removed. FlexSearch cannot import into a
 * fast-update index, so writes to a loaded index cost a scan of the posting lists; apply()
 * switches to a rebuilt fast-update index once a batch is larger than REBUILD_AFTER_CHANGES.
 */
import type { Archive } from '../model.ts';
import { createDocument, createEncoders, SEARCH_CONFIG_HASH } from './config.ts';
import { TalkSearchIndex } from './engine.ts';
import type { SearchExport, SearchIndex } from './types.ts';

export { SEARCH_CONFIG_HASH } from './config.ts';
export { DEFAULT_LIMIT, MAX_LIMIT, REBUILD_AFTER_CHANGES } from './engine.ts';
export { MAX_QUERY_LENGTH } from './query.ts';
export type { ArchiveSearch, SearchExport, SearchIndex } from './types.ts';

/** A saved index that this version cannot read: the snapshot has to be rebuilt. */
export class SearchConfigMismatch extends Error {
  override name = 'SearchConfigMismatch';
}

const REBUILD_HINT = 'rebuild the snapshot by running "talks index"';

export function createSearchIndex(archive: Archive): SearchIndex {
  const encoders = createEncoders();
  const index = new TalkSearchIndex(archive, encoders, createDocument(encoders, true), true);
  for (const talk of archive.talks) index.put(talk);
  index.settle();
  return index;
}

type SavedTalk = [id: string, num: number, fingerprint: string];

function readTables(saved: SearchExport): SavedTalk[] {
  try {
    const tables = JSON.parse(saved.data.tables ?? '') as { talks?: unknown };
    if (Array.isArray(tables.talks)) return tables.talks as SavedTalk[];
  } catch {
    // Reported below with the same message as a missing table.
  }
  throw new SearchConfigMismatch(`saved search index has no readable talk table: ${REBUILD_HINT}`);
}

export function loadSearchIndex(archive: Archive, saved: SearchExport): SearchIndex {
  if (saved?.configHash !== SEARCH_CONFIG_HASH) {
    throw new SearchConfigMismatch(
      `saved search index has configuration "${saved?.configHash}" but this version uses ` +
        `"${SEARCH_CONFIG_HASH}": ${REBUILD_HINT}`,
    );
  }
  const talks = readTables(saved);
  const encoders = createEncoders();
  const doc = createDocument(encoders, false);
  try {
    for (const [key, chunk] of Object.entries(saved.data)) {
      if (key.startsWith('flexsearch:')) doc.import(key.slice('flexsearch:'.length), chunk);
    }
  } catch (error) {
    throw new SearchConfigMismatch(
      `saved search index cannot be imported (${(error as Error).message}): ${REBUILD_HINT}`,
    );
  }
  const index = new TalkSearchIndex(archive, encoders, doc, false);
  reconcile(index, archive, talks);
  return index;
}

/** Makes the imported index match `archive`, touching FlexSearch only for what differs. */
function reconcile(index: TalkSearchIndex, archive: Archive, saved: SavedTalk[]): void {
  const known = new Map(saved.map(([id, num, fp]) => [id, { num, fp }]));
  for (const [id, num] of saved) index.table.reserve(id, num);
  for (const talk of archive.talks) {
    const before = known.get(talk.id);
    known.delete(talk.id);
    if (!before) {
      index.put(talk);
      continue;
    }
    const { entry } = index.entryFor(talk, before.num);
    if (entry.fingerprint === before.fp) index.table.add(entry);
    else index.put(talk);
  }
  for (const [id, { num }] of known) index.drop(id, num);
  index.settle();
}
