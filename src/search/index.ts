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
 *
 * Finding what changed hashes every talk's text (fingerprint.ts), a third of a load. A caller
 * that knows the archive is the one saved beside the index, read from the same checksummed
 * snapshot, passes `trusted`: a talk found at its saved position under its saved id is then
 * taken as unchanged without hashing; any other talk is still checked.
 */
import type { Archive } from '../model.ts';
import { createDocument, createEncoders, SEARCH_CONFIG_HASH } from './config.ts';
import { TalkSearchIndex } from './engine.ts';
import { importPostings } from './saved-postings.ts';
import { FP_WIDTH, readTables, type SavedTables } from './saved-tables.ts';
import type { SearchExport, SearchIndex } from './types.ts';

export { COMPACT_MIN } from './compaction.ts';
export { SEARCH_CONFIG_HASH } from './config.ts';
export { MAX_QUERY_LENGTH } from './query.ts';
export { DEFAULT_LIMIT, MAX_LIMIT } from './results.ts';
export type { ArchiveSearch, CapturedChunk, SearchCapture, SearchExport, SearchIndex } from './types.ts';

/** A saved index that this version cannot read: the snapshot has to be rebuilt. */
export class SearchConfigMismatch extends Error {
  override name = 'SearchConfigMismatch';
}

const REBUILD_HINT = 'rebuild the snapshot by running "talks index"';

export function createSearchIndex(archive: Archive): SearchIndex {
  const encoders = createEncoders();
  const index = new TalkSearchIndex(archive, encoders, createDocument(encoders));
  index.build(archive.talks);
  return index;
}

export interface LoadOptions {
  /** `archive` is the archive the index was exported with (see above); default false. */
  trusted?: boolean;
}

export function loadSearchIndex(
  archive: Archive,
  saved: SearchExport,
  options: LoadOptions = {},
): SearchIndex {
  if (saved?.configHash !== SEARCH_CONFIG_HASH) {
    throw new SearchConfigMismatch(
      `saved search index has configuration "${saved?.configHash}" but this version uses ` +
        `"${SEARCH_CONFIG_HASH}": ${REBUILD_HINT}`,
    );
  }
  const tables = readTables(saved.data ?? {});
  if (!tables) {
    throw new SearchConfigMismatch(`saved search index has no readable talk table: ${REBUILD_HINT}`);
  }
  const encoders = createEncoders();
  const doc = createDocument(encoders);
  try {
    importPostings(doc, saved.data);
  } catch (error) {
    throw new SearchConfigMismatch(
      `saved search index cannot be imported (${(error as Error).message}): ${REBUILD_HINT}`,
    );
  }
  const index = new TalkSearchIndex(archive, encoders, doc);
  reconcile(index, archive, tables, options.trusted === true);
  return index;
}

/**
 * Makes the imported index match `archive`, touching FlexSearch only for what differs. The
 * saved vocabulary counts are restored as they were, then the saved words of every talk that
 * changed or vanished are taken out again. The facet member sets are filled in afterwards (see
 * TalkTable.deferMembers).
 */
function reconcile(index: TalkSearchIndex, archive: Archive, saved: SavedTables, trusted: boolean): void {
  index.table.deferMembers();
  index.table.resume(saved.next, saved.retired);
  index.table.vocabulary.restore(saved.vocabulary);
  const rows = savedRows(saved);
  const used = new Uint8Array(saved.ids.length);
  archive.talks.forEach((talk, i) => {
    const row = rows(talk.id, i);
    const fp = row < 0 ? '' : saved.fingerprints.slice(row * FP_WIDTH, (row + 1) * FP_WIDTH);
    // Trusted: the same id at the same position is the saved talk.
    if (row >= 0 && !used[row] && ((trusted && row === i) || index.unchanged(talk, fp))) {
      used[row] = 1;
      index.restore(talk, saved.nums[row]!, fp, saved.words[row]!);
      return;
    }
    index.insert(talk, index.table.assign());
  });
  // Talks changed or gone since: their saved words leave the vocabulary, their numbers retire.
  used.forEach((taken, row) => {
    if (taken) return;
    index.table.vocabulary.remove(saved.words[row]!.split(' ').filter((w) => w !== ''));
    index.table.retired++;
  });
  index.table.fillMembersLater();
  index.encodeLater();
  index.maybeCompact();
}

/**
 * Where a talk sits in the saved tables (-1: not there). A snapshot holds the talks in the
 * order of its archive, so the same position is tried before a lookup by id.
 */
function savedRows(saved: SavedTables): (id: string, position: number) => number {
  let byId: Map<string, number> | null = null;
  return (id, position) => {
    if (saved.ids[position] === id) return position;
    byId ??= new Map(saved.ids.map((savedId, row) => [savedId, row]));
    return byId.get(id) ?? -1;
  };
}
