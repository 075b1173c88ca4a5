/** How an indexer is set up: its options, the default search engine, and its I/O errors. */
import { ConfigError } from '../config.ts';
import { extractPost } from '../extract/index.ts';
import type { Archive } from '../model.ts';
import { createSearchIndex, loadSearchIndex, SEARCH_CONFIG_HASH } from '../search/index.ts';
import type { SearchExport, SearchIndex } from '../search/types.ts';
import type { ExtractFn, ProgressFn } from './changes.ts';
import { type CodeFingerprint, codeFingerprint } from './fingerprint.ts';
import { loadVocabulary, type Vocabulary } from './vocabulary.ts';

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
  /** Restore the archive builder in the background from the open on (default true). */
  warmUp?: boolean;
}

/** The options with every default filled in. */
export type ResolvedOptions = Required<Omit<IndexerOptions, 'rebuild' | 'warmUp'>>;

export async function resolveOptions(options: IndexerOptions): Promise<ResolvedOptions> {
  return {
    postsDir: options.postsDir,
    dataDir: options.dataDir,
    extract: options.extract ?? (async (source: string, bytes: Uint8Array) => extractPost(source, bytes)),
    search: options.search ?? flexSearchBackend,
    vocabulary: options.vocabulary ?? loadVocabulary(),
    fingerprint: options.fingerprint ?? (await codeFingerprint()),
    log: options.log ?? (() => {}),
    onProgress: options.onProgress ?? (() => {}),
  };
}

/** The saved search index, or a new one (saying why) when the search module rejects it. */
export function loadSearch(options: ResolvedOptions, archive: Archive, saved: SearchExport): SearchIndex {
  try {
    // The archive and the index were written together and checksummed, and nothing was
    // merged since: the index need not check every talk's text (search/index.ts).
    return options.search.load(archive, saved, { trusted: true });
  } catch (error) {
    options.log(`saved search index unusable (${(error as Error).message}): re-indexing the archive`);
    return options.search.create(archive);
  }
}

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);

/** File-system errors a user can fix by pointing elsewhere get a message that says how. */
export function dataDirError(dataDir: string, error: NodeJS.ErrnoException): Error {
  if (!error.code || !UNWRITABLE.has(error.code)) return error;
  return new ConfigError(
    `data directory "${dataDir}" cannot be written (${error.code}) (pass --data DIR or set TALKS_DATA_DIR)`,
  );
}
