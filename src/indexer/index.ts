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
import { extractPost } from '../extract/index.ts';
import type { Archive, ExtractedPost } from '../model.ts';
import type { SearchIndex } from '../search/types.ts';
import { diffPosts, type PostChanges } from './changes.ts';
import { type CodeFingerprint, codeFingerprint } from './fingerprint.ts';
import { dataDirError, flexSearchBackend, type IndexerOptions } from './options.ts';
import { buildReport, type IndexReport } from './report.ts';
import { SavedPosts } from './saved-posts.ts';
import type { PostsManifest } from './scan.ts';
import { type LoadedSnapshot, loadSnapshot, SNAPSHOT_SCHEMA, writeSnapshot } from './snapshot.ts';
import { loadVocabulary, vocabularyHash } from './vocabulary.ts';
import { WarmUp } from './warm-up.ts';

export type { ExtractFn, PostChanges } from './changes.ts';
export type { CodeFingerprint } from './fingerprint.ts';
export { flexSearchBackend, type IndexerOptions, type SearchBackend } from './options.ts';
export { formatReport, type IndexReport } from './report.ts';
export { isPostFile, type PostsManifest, scanPosts } from './scan.ts';
export { type LoadedSnapshot, loadSnapshot, type Snapshot, writeSnapshot } from './snapshot.ts';

type Start = IndexReport['snapshot'];
type Resolved = Required<Omit<IndexerOptions, 'rebuild' | 'fingerprint' | 'warmUp'>> & {
  fingerprint: CodeFingerprint;
};

export class Indexer {
  private manifest: PostsManifest = {};
  private extracted = new SavedPosts();
  private current: Archive;
  private searchIndex: SearchIndex;
  private start: Omit<Start, 'written'>;
  private dirty = true;
  /** The snapshot this state was loaded from or last saved to, and the posts changed since. */
  private savedId: string | null = null;
  private changedSinceSave = new Set<string>();
  /** Set while the builder has not yet replayed the snapshot's extractions (see `restore`). */
  private replay: WarmUp | null = null;
  /** The replay is set up when first needed: that parses every saved extraction. */
  private replayDue = false;
  private scans = 0;
  /** Holds on a replay set up during a scan, released when no scan runs. */
  private readonly afterScans: (() => void)[] = [];

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
        resolved.log(
          `snapshot ${loaded.id}: the archive code changed since it was built: merging the cached extractions again`,
        );
      indexer.restore(loaded.snapshot, loaded.merged === 'stale');
      indexer.savedId = loaded.id;
      // After open() returns: setting the replay up parses the saved extractions (~0.3 s at 100k).
      if (options.warmUp !== false) setImmediate(() => indexer.warmUp()).unref();
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
  async scan(paths?: string[]): Promise<PostChanges> {
    const { postsDir, extract, onProgress } = this.options;
    const cached = (path: string) => this.extracted.get(path);
    // The replay stands aside: a scan of an unchanged folder need not wait for it (warm-up.ts).
    const resume = this.replay?.pause();
    this.scans++;
    try {
      return await diffPosts(postsDir, this.manifest, cached, extract, { progress: onProgress, paths });
    } finally {
      resume?.();
      if (--this.scans === 0) for (const release of this.afterScans.splice(0)) release();
    }
  }

  /**
   * Starts replaying the snapshot's extractions in the background, so that the first change
   * finds the builder ready. `open()` starts it unless told not to (`warmUp: false`), for a
   * server that would rather boot first.
   */
  warmUp(): void {
    const replay = this.replayer();
    if (replay && this.scans > 0) this.afterScans.push(replay.pause());
    replay?.start();
  }

  /** Applies a scan to the archive and the search index, synchronously. */
  apply(changes: PostChanges, startedAt = performance.now()): IndexReport {
    const posts = new Map<string, ExtractedPost | null>(changes.removed.map((path) => [path, null]));
    for (const [path, post] of changes.upserts) posts.set(path, post);
    if (posts.size === 0 && (this.replayDue || (this.replay && !this.replay.done))) {
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
      this.changedSinceSave.add(path);
    }
    // Touched but identical files change only the manifest; saving it spares hashing them again.
    this.dirty ||= posts.size > 0 || JSON.stringify(changes.manifest) !== JSON.stringify(this.manifest);
    this.manifest = changes.manifest;
    return buildReport(changes, change, this.current, { ...this.start, written: null }, startedAt);
  }

  /** Writes the snapshot if anything changed since the last one; returns its id, or null. */
  async persist(): Promise<string | null> {
    if (!this.dirty) return null;
    const extracted = this.extracted.toRecord();
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
    const changed = this.changedSinceSave;
    // Changes applied during the write count from the new snapshot on.
    this.changedSinceSave = new Set();
    try {
      const previous = this.savedId === null ? null : { id: this.savedId, changed };
      this.savedId = await writeSnapshot(this.options.dataDir, snapshot, previous);
      return this.savedId;
    } catch (error) {
      this.dirty = true;
      for (const path of changed) this.changedSinceSave.add(path);
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
   * through the builder (seconds at 100k talks) happens in the background (`warmUp`), or at the
   * first change if it comes sooner. When the archive code changed, the saved archive may be
   * outdated: the replay happens now.
   */
  private restore(snapshot: LoadedSnapshot, stale: boolean): void {
    this.extracted = snapshot.extracted;
    this.manifest = snapshot.posts;
    this.current = snapshot.archive;
    this.replayDue = true;
    if (stale) {
      this.replayPending();
      this.current = this.builder.toArchive();
      this.searchIndex = this.options.search.create(this.current);
    } else {
      try {
        // The archive and the index were written together and checksummed, and nothing was
        // merged since: the index need not check every talk's text (search/index.ts).
        this.searchIndex = this.options.search.load(this.current, snapshot.search, { trusted: true });
      } catch (error) {
        this.options.log(
          `saved search index unusable (${(error as Error).message}): re-indexing the archive`,
        );
        this.searchIndex = this.options.search.create(this.current);
      }
    }
    this.start = { start: 'snapshot', reason: null };
    this.dirty = stale;
  }

  /** Brings the builder to the loaded snapshot's state (what is left of it), before an update. */
  private replayPending(): void {
    this.replayer()?.finish();
    this.replay = null;
  }

  private replayer(): WarmUp | null {
    if (this.replayDue) {
      this.replayDue = false;
      this.replay = new WarmUp(this.builder, this.extracted.entries());
    }
    return this.replay;
  }
}

const NO_CHANGE = { added: [], changed: [], removed: [] };

/** Opens the data folder and brings it up to date with the posts folder: `talks index`. */
export async function runIndex(options: IndexerOptions): Promise<IndexReport> {
  // One run and done: a change replays the snapshot at once, so the background replay is idle work.
  const indexer = await Indexer.open({ warmUp: false, ...options });
  return indexer.update();
}
