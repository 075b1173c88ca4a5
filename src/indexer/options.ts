/** How an indexer is set up: its options, the default search engine, and its I/O errors. */
import { ConfigError } from '../config.ts';
import type { Archive } from '../model.ts';
import { createSearchIndex, loadSearchIndex, SEARCH_CONFIG_HASH } from '../search/index.ts';
import type { SearchExport, SearchIndex } from '../search/types.ts';
import type { ExtractFn, ProgressFn } from './changes.ts';
import type { CodeFingerprint } from './fingerprint.ts';
import type { Vocabulary } from './vocabulary.ts';

/** The search engine behind the archive; tests and other engines can provide their own. */
export interface SearchBackend {
  configHash: string;
  create(archive: Archive): SearchIndex;
  /**
   * `trusted`: `archive` is the archive saved with `saved` in the same snapshot, unchanged
   * since, so the engine may skip checking each talk against what it indexed.
   */
  load(archive: Archive, saved: SearchExport, options?: { trusted?: boolean }): SearchIndex;
}

export const flexSearchBackend: SearchBackend = {
  configHash: SEARCH_CONFIG_HASH,
  create: createSearchIndex,
  load: loadSearchIndex,
};

export interface IndexerOptions {
  postsDir: string;
  dataDir: string;
  /** Defaults to the extractor in this thread; a worker pool's `extract` fits here. */
  extract?: ExtractFn;
  search?: SearchBackend;
  /** Defaults to data/conferences.json and data/topics.json. */
  vocabulary?: Vocabulary;
  /** Defaults to hashes of src/extract/ (plus its data files) and src/archive/. */
  fingerprint?: CodeFingerprint;
  /** Ignore the saved snapshot and re-extract every post. */
  rebuild?: boolean;
  /** Where notices go ("snapshot ... is corrupt: rebuilding"). */
  log?: (message: string) => void;
  /** Told as each changed post is extracted. */
  onProgress?: ProgressFn;
  /** Replay the snapshot's extractions in the background from the open on (default true). */
  warmUp?: boolean;
}

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);

/** File-system errors a user can fix by pointing elsewhere get a message that says how. */
export function dataDirError(dataDir: string, error: NodeJS.ErrnoException): Error {
  if (!error.code || !UNWRITABLE.has(error.code)) return error;
  return new ConfigError(
    `data directory "${dataDir}" cannot be written (${error.code}) (pass --data DIR or set TALKS_DATA_DIR)`,
  );
}
