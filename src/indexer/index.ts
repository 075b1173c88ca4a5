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
import { performance } from 'node:perf_hooks';
import { ArchiveBuilder } from '../archive/index.ts';
import { ConfigError } from '../config.ts';
import { extractPost } from '../extract/index.ts';
import type { Archive, ExtractedPost } from '../model.ts';
import { createSearchIndex, loadSearchIndex, SEARCH_CONFIG_HASH } from '../search/index.ts';
import type { SearchExport, SearchIndex } from '../search/types.ts';
import { diffPosts, type ExtractFn, type PostChanges, type ProgressFn } from './changes.ts';
import { type CodeFingerprint, codeFingerprint } from './fingerprint.ts';
import { buildReport, type IndexReport } from './report.ts';
import type { PostsManifest } from './scan.ts';
import { loadSnapshot, SNAPSHOT_SCHEMA, type Snapshot, writeSnapshot } from './snapshot.ts';
import { loadVocabulary, type Vocabulary, vocabularyHash } from './vocabulary.ts';

export type { ExtractFn, PostChanges } from './changes.ts';
export { formatReport, type IndexReport } from './report.ts';
export type { CodeFingerprint } from './fingerprint.ts';
export { isPostFile, type PostsManifest, scanPosts } from './scan.ts';
export { loadSnapshot, type Snapshot, writeSnapshot } from './snapshot.ts';

/** The search engine behind the archive; tests and other engines can provide their own. */
export interface SearchBackend {
  configHash: string;
  create(archive: Archive): SearchIndex;
  load(archive: Archive, saved: SearchExport): SearchIndex;
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
}

type Start = IndexReport['snapshot'];
type Resolved = Required<Omit<IndexerOptions, 'rebuild' | 'fingerprint'>> & { fingerprint: CodeFingerprint };

export class Indexer {
  private manifest: PostsManifest = {};
  private readonly extracted = new Map<string, ExtractedPost>();
  private current: Archive;
  private searchIndex: SearchIndex;
  private start: Omit<Start, 'written'>;
  private dirty = true;
  /** Set while the builder has not yet replayed the snapshot's extractions (see `restore`). */
  private pending: [string, ExtractedPost][] | null = null;

  private constructor(
    private readonly options: Resolved,
    private readonly configHash: string,
    private readonly builder: ArchiveBuilder,
  ) {
    this.current = builder.toArchive();
    this.searchIndex = options.search.create(this.current);
    this.start = { start: 'empty', reason: null };
  }

  static async open(options: IndexerOptions): Promise<Indexer> {
    const vocabulary = options.vocabulary ?? loadVocabulary();
    const search = options.search ?? flexSearchBackend;
    const resolved: Resolved = {
      postsDir: options.postsDir,
      dataDir: options.dataDir,
      extract: options.extract ?? (async (source: string, bytes: Uint8Array) => extractPost(source, bytes)),
      search,
      vocabulary,
      fingerprint: options.fingerprint ?? (await codeFingerprint()),
      log: options.log ?? (() => {}),
      onProgress: options.onProgress ?? (() => {}),
    };
    const configHash = `${SNAPSHOT_SCHEMA}-${search.configHash}-${vocabularyHash(vocabulary)}`;
    const loaded = options.rebuild
      ? { ok: false as const, reason: 'a rebuild was asked for' }
      : await loadSnapshot(options.dataDir, configHash, resolved.fingerprint);
    if (loaded.ok) {
      const { archive } = loaded.snapshot;
      const builder = new ArchiveBuilder({ ...vocabulary, redirects: archive.redirects, gone: archive.gone });
      const indexer = new Indexer(resolved, configHash, builder);
      if (loaded.merged === 'stale')
        resolved.log(`snapshot ${loaded.id}: the archive code changed since it was built: merging the cached extractions again`);
      indexer.restore(loaded.snapshot, loaded.merged === 'stale');
      return indexer;
    }
    const indexer = new Indexer(resolved, configHash, new ArchiveBuilder(vocabulary));
    if (loaded.reason) {
      resolved.log(`${loaded.reason}: rebuilding from the posts in "${options.postsDir}"`);
      indexer.start = { start: 'rebuilt', reason: loaded.reason };
    }
    return indexer;
  }

  get archive(): Archive {
    return this.current;
  }

  get search(): SearchIndex {
    return this.searchIndex;
  }

  /** The extraction cached for a post, by its path relative to the posts folder. */
  extraction(path: string): ExtractedPost | undefined {
    return this.extracted.get(path);
  }

  /**
   * Reads the posts folder and extracts what changed since the last applied run. `paths`
   * (relative to the posts folder, "/"-separated) limits the look to those posts, for a watcher
   * that knows what changed; the whole folder is scanned otherwise.
   */
  scan(paths?: string[]): Promise<PostChanges> {
    const { postsDir, extract, onProgress } = this.options;
    const cached = (path: string) => this.extracted.get(path);
    return diffPosts(postsDir, this.manifest, cached, extract, { progress: onProgress, paths });
  }

  /** Applies a scan to the archive and the search index, synchronously. */
  apply(changes: PostChanges, startedAt = performance.now()): IndexReport {
    const posts = new Map<string, ExtractedPost | null>(changes.removed.map((path) => [path, null]));
    for (const [path, post] of changes.upserts) posts.set(path, post);
    if (posts.size === 0 && this.pending) {
      // Nothing to merge: the loaded archive stands, and the replay can wait for a real change.
      this.dirty ||= JSON.stringify(changes.manifest) !== JSON.stringify(this.manifest);
      this.manifest = changes.manifest;
      return buildReport(changes, NO_CHANGE, this.current, { ...this.start, written: null }, startedAt);
    }
    this.replayPending();
    const change = this.builder.applyPosts(posts);
    this.current = this.builder.toArchive();
    const touched = [...change.added, ...change.changed].map((id) => this.builder.getTalk(id)!);
    this.searchIndex.apply(this.current, touched, change.removed);
    for (const [path, post] of posts) {
      if (post) this.extracted.set(path, post);
      else this.extracted.delete(path);
    }
    // Touched but identical files change only the manifest; saving it spares hashing them again.
    this.dirty ||= posts.size > 0 || JSON.stringify(changes.manifest) !== JSON.stringify(this.manifest);
    this.manifest = changes.manifest;
    return buildReport(changes, change, this.current, { ...this.start, written: null }, startedAt);
  }

  /** Writes the snapshot if anything changed since the last one; returns its id, or null. */
  async persist(): Promise<string | null> {
    if (!this.dirty) return null;
    const extracted = Object.fromEntries([...this.extracted].sort(([a], [b]) => (a < b ? -1 : 1)));
    // Everything is captured before the first await: an apply() during the write is saved next time.
    const snapshot = {
      configHash: this.configHash,
      fingerprint: this.options.fingerprint,
      posts: this.manifest,
      archive: this.current,
      extracted,
      search: this.searchIndex.export(),
    };
    this.dirty = false;
    try {
      return await writeSnapshot(this.options.dataDir, snapshot);
    } catch (error) {
      this.dirty = true;
      throw dataDirError(this.options.dataDir, error as NodeJS.ErrnoException);
    }
  }

  /** One full run: scan, apply, persist. */
  async update(): Promise<IndexReport> {
    const startedAt = performance.now();
    const report = this.apply(await this.scan(), startedAt);
    report.snapshot.written = await this.persist();
    report.durationMs = Math.round(performance.now() - startedAt);
    this.start = { start: 'snapshot', reason: null };
    return report;
  }

  /**
   * Starts from a snapshot. The saved archive is served as it is; replaying the extractions
   * through the builder (seconds at 100k talks) waits for the first change that needs it. When
   * the archive code changed, the saved archive may be outdated: the replay happens now.
   */
  private restore(snapshot: Snapshot, stale: boolean): void {
    const posts = Object.entries(snapshot.extracted);
    for (const [path, post] of posts) this.extracted.set(path, post);
    this.manifest = snapshot.posts;
    this.current = snapshot.archive;
    this.pending = posts;
    if (stale) {
      this.replayPending();
      this.current = this.builder.toArchive();
      this.searchIndex = this.options.search.create(this.current);
    } else {
      try {
        this.searchIndex = this.options.search.load(this.current, snapshot.search);
      } catch (error) {
        this.options.log(`saved search index unusable (${(error as Error).message}): re-indexing the archive`);
        this.searchIndex = this.options.search.create(this.current);
      }
    }
    this.start = { start: 'snapshot', reason: null };
    this.dirty = stale;
  }

  /** Brings the builder to the loaded snapshot's state, once, before its first update. */
  private replayPending(): void {
    if (!this.pending) return;
    this.builder.load(this.pending);
    this.pending = null;
  }
}

const NO_CHANGE = { added: [], changed: [], removed: [] };

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC']);

/** File-system errors a user can fix by pointing elsewhere get a message that says how. */
function dataDirError(dataDir: string, error: NodeJS.ErrnoException): Error {
  if (!error.code || !UNWRITABLE.has(error.code)) return error;
  return new ConfigError(
    `data directory "${dataDir}" cannot be written (${error.code}) (pass --data DIR or set TALKS_DATA_DIR)`,
  );
}

/** Opens the data folder and brings it up to date with the posts folder: `talks index`. */
export async function runIndex(options: IndexerOptions): Promise<IndexReport> {
  const indexer = await Indexer.open(options);
  return indexer.update();
}
