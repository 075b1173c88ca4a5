/** The indexer's state between runs: the archive, its search index and the builder behind them. */
import { performance } from 'node:perf_hooks';
import { ArchiveBuilder } from '../archive/index.ts';
import type { Archive, ExtractedPost } from '../model.ts';
import type { SearchIndex } from '../search/types.ts';
import { diffPosts, type PostChanges } from './changes.ts';
import {
  dataDirError,
  type IndexerOptions,
  loadSearch,
  type ResolvedOptions,
  resolveOptions,
} from './options.ts';
import { buildReport, type IndexReport } from './report.ts';
import { SavedPosts } from './saved-posts.ts';
import type { PostsManifest } from './scan.ts';
import { type LoadedSnapshot, SNAPSHOT_SCHEMA, type Snapshot, writeSnapshot } from './snapshot.ts';
import { loadSnapshot } from './snapshot-load.ts';
import { Unsaved } from './unsaved.ts';
import { vocabularyHash } from './vocabulary.ts';
import { WarmUp } from './warm-up.ts';

type Start = IndexReport['snapshot'];

export class Indexer {
  private manifest: PostsManifest = {};
  private extracted = new SavedPosts();
  private current: Archive;
  private searchIndex: SearchIndex;
  private start: Omit<Start, 'written'> = { start: 'empty', reason: null };
  private readonly unsaved = new Unsaved();
  /** Set until the builder is restored from the loaded snapshot (see `restore`). */
  private replay: WarmUp | null = null;
  private scans = 0;
  /** Holds on the restore set while a scan ran, released when no scan runs. */
  private readonly afterScans: (() => void)[] = [];

  private constructor(
    private readonly options: ResolvedOptions,
    private readonly configHash: string,
    private builder: ArchiveBuilder,
  ) {
    this.current = builder.toArchive();
    this.searchIndex = options.search.create(this.current);
  }

  static async open(options: IndexerOptions): Promise<Indexer> {
    const resolved = await resolveOptions(options);
    const { vocabulary, search, log } = resolved;
    const configHash = `${SNAPSHOT_SCHEMA}-${search.configHash}-${vocabularyHash(vocabulary)}`;
    const loaded = options.rebuild
      ? { ok: false as const, reason: 'a rebuild was asked for' }
      : await loadSnapshot(options.dataDir, configHash, resolved.fingerprint);
    if (loaded.ok) {
      const indexer = new Indexer(resolved, configHash, new ArchiveBuilder(vocabulary));
      if (loaded.merged === 'stale')
        log(
          `snapshot ${loaded.id}: the archive code changed since it was built: merging the cached extractions again`,
        );
      indexer.restore(loaded.snapshot, loaded.merged === 'stale', loaded.id);
      // After open() returns, so that a caller can pause it first.
      // An unref'd timer, not an immediate: an idle server waits for it (search/background.ts).
      if (options.warmUp !== false) setTimeout(() => indexer.warmUp(), 0).unref();
      return indexer;
    }
    const indexer = new Indexer(resolved, configHash, new ArchiveBuilder(vocabulary));
    if (loaded.reason) {
      log(`${loaded.reason}: rebuilding from the posts in "${options.postsDir}"`);
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
    // The restore stands aside: a scan of an unchanged folder need not wait for it (warm-up.ts).
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
   * Starts restoring the builder in the background, so that the first change finds it ready.
   * `open()` starts it unless told not to (`warmUp: false`), for a server that would rather boot first.
   */
  warmUp(): void {
    if (this.replay && this.scans > 0) this.afterScans.push(this.replay.pause());
    this.replay?.start();
  }

  /** Applies a scan to the archive and the search index, synchronously. */
  apply(changes: PostChanges, startedAt = performance.now()): IndexReport {
    const posts = new Map<string, ExtractedPost | null>(changes.removed.map((path) => [path, null]));
    for (const [path, post] of changes.upserts) posts.set(path, post);
    const change = posts.size === 0 ? NO_CHANGE : this.merge(posts);
    // Touched but identical files change only the manifest; saving it spares hashing them again.
    if (JSON.stringify(changes.manifest) !== JSON.stringify(this.manifest)) this.unsaved.touch();
    this.manifest = changes.manifest;
    return buildReport(changes, change, this.current, { ...this.start, written: null }, startedAt);
  }

  /** Writes the snapshot if anything changed since the last one; returns its id, or null. */
  async persist(): Promise<string | null> {
    if (!this.unsaved.any) return null;
    // Everything is captured before the first await: an apply() during the write is saved next time.
    const snapshot = this.capture();
    const write = this.unsaved.begin();
    try {
      const id = await writeSnapshot(this.options.dataDir, snapshot, write.previous);
      write.saved(id);
      return id;
    } catch (error) {
      write.failed();
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

  private merge(posts: Map<string, ExtractedPost | null>) {
    const builder = this.ready();
    const change = builder.applyPosts(posts);
    this.current = builder.toArchive();
    const touched = [...change.added, ...change.changed].map((id) => builder.getTalk(id)!);
    this.searchIndex.apply(this.current, touched, change.removed);
    for (const [path, post] of posts) {
      if (post) this.extracted.set(path, post);
      else this.extracted.delete(path);
      this.unsaved.post(path);
    }
    return change;
  }

  /** The snapshot of the current state. */
  private capture(): Snapshot {
    return {
      configHash: this.configHash,
      fingerprint: this.options.fingerprint,
      posts: this.manifest,
      archive: this.current,
      extracted: this.extracted.toRecord(),
      merge: (this.replay ?? this.builder).mergeState(),
      // References, not a copy: the index is serialised while the snapshot is written.
      search: this.searchIndex.capture(),
    };
  }

  /**
   * Starts from a snapshot. The saved archive and search index are served as they are; the
   * builder is restored from the merge state in the background (`warmUp`), or at the first change
   * if it comes sooner. When the archive code changed, the saved archive may be outdated: the
   * posts are merged again now.
   */
  private restore(snapshot: LoadedSnapshot, stale: boolean, id: string): void {
    this.extracted = snapshot.extracted;
    this.manifest = snapshot.posts;
    this.current = snapshot.archive;
    this.start = { start: 'snapshot', reason: null };
    this.unsaved.loaded(id, stale);
    if (stale) {
      this.builder = this.merged();
      this.current = this.builder.toArchive();
      this.searchIndex = this.options.search.create(this.current);
      return;
    }
    const { archive, merge } = snapshot;
    const saved = {
      archive,
      merge,
      paths: this.extracted.paths(),
      post: (path: string) => this.extracted.get(path),
    };
    this.replay = new WarmUp(this.newBuilder(), saved, (reason) => {
      this.options.log(`snapshot ${id}: ${reason}: merging the cached extractions again`);
      return this.merged();
    });
    this.searchIndex = loadSearch(this.options, this.current, snapshot.search);
  }

  /** The builder, restored first if it is not yet. */
  private ready(): ArchiveBuilder {
    if (this.replay) this.builder = this.replay.finish();
    this.replay = null;
    return this.builder;
  }

  /** A builder with the saved posts merged into it: the slow way, when a restore cannot be used. */
  private merged(): ArchiveBuilder {
    const builder = this.newBuilder();
    builder.load(this.extracted.entries());
    return builder;
  }

  private newBuilder(): ArchiveBuilder {
    const { redirects, gone } = this.current;
    return new ArchiveBuilder({ ...this.options.vocabulary, redirects, gone });
  }
}

const NO_CHANGE = { added: [], changed: [], removed: [] };
