/**
 * indexer/: the posts folder -> a snapshot (archive + search index + manifest) in the data folder.
 *
 * The one stage with file I/O. `Indexer.open` starts from the last snapshot (or from nothing,
 * saying why); each run then scans the folder, re-extracts only new and changed posts, applies
 * the difference to the archive and the search index, and writes a new snapshot atomically.
 * The three steps are separate so a server can apply a change synchronously between requests:
 *   `scan()`    async, reads files, changes nothing
 *   `apply()`   sync, updates archive and search index in place, returns the report
 *   `persist()` async, writes the snapshot
 * `update()` does all three.
 */
import { Indexer } from './indexer.ts';
import type { IndexerOptions } from './options.ts';
import type { IndexReport } from './report.ts';

export type { MergeState } from '../archive/index.ts';
export type { ExtractFn, PostChanges } from './changes.ts';
export type { CodeFingerprint } from './fingerprint.ts';
export { Indexer } from './indexer.ts';
export { flexSearchBackend, type IndexerOptions, type SearchBackend } from './options.ts';
export { formatReport, type IndexReport } from './report.ts';
export { isPostFile, type PostsManifest, scanPosts } from './scan.ts';
export { type LoadedSnapshot, type Snapshot, writeSnapshot } from './snapshot.ts';
export { type LoadResult, loadSnapshot } from './snapshot-load.ts';

/** Opens the data folder and brings it up to date with the posts folder: `talks index`. */
export async function runIndex(options: IndexerOptions): Promise<IndexReport> {
  // One run and done: a change restores the builder at once, so the background restore is idle work.
  const indexer = await Indexer.open({ warmUp: false, ...options });
  return indexer.update();
}
