/**
 * Restores the archive builder after a snapshot was opened (archive/restore.ts).
 *
 * The loaded archive is served as it is; the builder is needed only at the first change. It is
 * restored from the snapshot's merge state rather than by merging every post again: the saved
 * posts are filed a slice per turn of the event loop, then the groups and records are taken
 * from the state, a slice per turn too. The background work stands aside while a scan runs (a scan awaits
 * once per batch of files, and slices between them would stretch it). A change that comes first
 * finishes the restore at once. When the state does not fit the posts, the posts are merged
 * into a new builder instead (`merge`), so a bad state costs time, never a wrong archive.
 */
import type { ArchiveBuilder, MergeState, Restorer } from '../archive/index.ts';
import type { Archive, ExtractedPost } from '../model.ts';

/** Talks filed per turn of the event loop. */
const SLICE_TALKS = 2000;

export interface SavedState {
  archive: Archive;
  /** Throws when the saved state cannot be read: the restore then fails like a bad state. */
  merge: () => MergeState;
  paths: string[];
  post(path: string): ExtractedPost | undefined;
}

export class WarmUp {
  /** The posts left to file, then (empty) the steps left; null once complete. */
  private pending: string[] | null;
  private restorer: Restorer | null = null;
  private failure: Error | null = null;
  private running = false;
  private scheduled = false;
  private paused = 0;

  /** `merge(reason)` gives a builder holding every saved post, when the restore fails. */
  constructor(
    private builder: ArchiveBuilder,
    private saved: SavedState | null,
    private readonly merge: (reason: string) => ArchiveBuilder,
  ) {
    this.pending = [...(saved?.paths ?? [])];
  }

  /** The saved state, while the restore needs it (it is let go of afterwards: tens of MB at 100k talks). */
  private get source(): SavedState {
    if (!this.saved) throw new Error('the restore is complete');
    return this.saved;
  }

  /** Set up when first needed, so that reading the saved state is not part of the open. */
  private get restore(): Restorer {
    this.restorer ??= this.builder.restore(this.source.archive, this.source.merge());
    return this.restorer;
  }

  get done(): boolean {
    return this.pending === null;
  }

  /** The merge state of the builder: the saved one until the restore is complete, or null if unreadable. */
  mergeState(): MergeState | null {
    if (!this.pending) return this.builder.mergeState();
    try {
      return this.source.merge();
    } catch {
      return null;
    }
  }

  /** The builder, complete: what is left of the restore is done now, synchronously. */
  finish(): ArchiveBuilder {
    if (this.pending) {
      this.file(this.pending);
      this.pending = null;
      this.attempt(() => this.restore.finish());
      if (this.failure) this.builder = this.merge(this.failure.message);
      this.saved = null;
      this.restorer = null;
    }
    return this.builder;
  }

  /** Starts the background restore; the timers do not keep a process alive. */
  start(): void {
    this.running = true;
    this.schedule();
  }

  /** Holds the background restore until the returned function is called (once per pause). */
  pause(): () => void {
    this.paused++;
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      this.paused--;
      this.schedule();
    };
  }

  private file(paths: string[]): void {
    this.attempt(() =>
      this.restore.add(
        paths.map((path): [string, ExtractedPost] => {
          const post = this.source.post(path);
          if (!post) throw new Error(`the saved extraction of ${path} is missing`);
          return [path, post];
        }),
      ),
    );
  }

  /** After a failure the rest is skipped: `finish` merges the posts instead. */
  private attempt(step: () => void): void {
    if (this.failure) return;
    try {
      step();
    } catch (error) {
      this.failure = error as Error;
    }
  }

  private schedule(): void {
    if (!this.running || this.scheduled || this.paused > 0 || !this.pending) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.step();
    }, 0).unref();
  }

  /** Files a slice of posts, or once they are all filed takes a step of the rest. */
  private step(): void {
    if (this.paused > 0 || !this.pending) return;
    if (this.pending.length === 0) {
      let done = false;
      this.attempt(() => {
        done = this.restore.step();
      });
      if (done || this.failure) this.finish();
    } else {
      let talks = 0;
      let count = 0;
      while (count < this.pending.length && talks < SLICE_TALKS)
        talks += this.source.post(this.pending[count++]!)?.talks.length ?? 0;
      this.file(this.pending.splice(0, count));
    }
    this.schedule();
  }
}
