/**
 * Search over an archive of talks. Build an index from an archive, or load one saved in a
 * snapshot; both give a SearchIndex (types.ts). FlexSearch's configuration lives in config.ts
 * and nowhere else; SEARCH_CONFIG_HASH changes with it.
 *
 * Loading imports the saved FlexSearch index (much faster than re-indexing every talk), then
 * reconciles it with the archive it is given: talks whose indexed text changed since the export
 * are re-indexed under a new number, new ones added, missing ones retired. A built and a loaded
 * index are the same kind of index (no fast-update register, see config.ts): writes cost the
 * same on both.
 */
import type { Archive } from '../model.ts';
import { createDocument, createEncoders, SEARCH_CONFIG_HASH } from './config.ts';
import { TalkSearchIndex } from './engine.ts';
import type { SearchExport, SearchIndex } from './types.ts';

export { COMPACT_MIN } from './compaction.ts';
export { SEARCH_CONFIG_HASH } from './config.ts';
export { DEFAULT_LIMIT, MAX_LIMIT } from './engine.ts';
export { MAX_QUERY_LENGTH } from './query.ts';
export type { ArchiveSearch, SearchExport, SearchIndex } from './types.ts';

/** A saved index that this version cannot read: the snapshot has to be rebuilt. */
export class SearchConfigMismatch extends Error {
  override name = 'SearchConfigMismatch';
}

const REBUILD_HINT = 'rebuild the snapshot by running "talks index"';

export function createSearchIndex(archive: Archive): SearchIndex {
  const encoders = createEncoders();
  const index = new TalkSearchIndex(archive, encoders, createDocument(encoders));
  for (const talk of archive.talks) index.put(talk);
  return index;
}

type SavedTalk = [id: string, num: number, fingerprint: string, words: string];
interface SavedTables {
  talks: SavedTalk[];
  next: number;
  retired: number;
  /** Vocabulary word -> number of saved talks using it. */
  vocabulary: [string, number][];
}

function readTables(saved: SearchExport): SavedTables {
  try {
    const tables = JSON.parse(saved.data.tables ?? '') as Partial<SavedTables>;
    const { talks, next, retired, vocabulary } = tables;
    if (
      Array.isArray(talks) &&
      Array.isArray(vocabulary) &&
      Number.isInteger(next) &&
      Number.isInteger(retired)
    )
      return { talks, next: next!, retired: retired!, vocabulary };
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
  const tables = readTables(saved);
  const encoders = createEncoders();
  const doc = createDocument(encoders);
  try {
    for (const [key, chunk] of Object.entries(saved.data)) {
      if (key.startsWith('flexsearch:')) doc.import(key.slice('flexsearch:'.length), chunk);
    }
  } catch (error) {
    throw new SearchConfigMismatch(
      `saved search index cannot be imported (${(error as Error).message}): ${REBUILD_HINT}`,
    );
  }
  const index = new TalkSearchIndex(archive, encoders, doc);
  reconcile(index, archive, tables);
  return index;
}

/**
 * Makes the imported index match `archive`, touching FlexSearch only for what differs. The
 * saved vocabulary counts are restored as they were, then the saved words of every talk that
 * changed or vanished are taken out again.
 */
function reconcile(index: TalkSearchIndex, archive: Archive, saved: SavedTables): void {
  const known = new Map(saved.talks.map(([id, num, fp, words]) => [id, { num, fp, words }]));
  index.table.resume(
    saved.next,
    saved.retired,
    saved.talks.map(([id, num]) => [id, num]),
  );
  index.table.vocabulary.restore(saved.vocabulary);
  for (const talk of archive.talks) {
    const before = known.get(talk.id);
    known.delete(talk.id);
    const prepared = before && index.prepare(talk, before.num);
    const same = before !== undefined && prepared?.fp === before.fp;
    if (before && !same) index.table.vocabulary.remove(savedWords(before.words));
    const num = index.table.assign(talk.id, same);
    index.insert(talk, num, same ? prepared : undefined, same ? before.words : undefined);
  }
  for (const { words } of known.values()) index.table.vocabulary.remove(savedWords(words));
  index.table.retireReserved();
  index.maybeCompact();
}

function savedWords(words: string): string[] {
  return words.split(' ').filter((w) => w !== '');
}
