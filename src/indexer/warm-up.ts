/**
 * Replays a snapshot's extractions through the archive builder after the snapshot was opened.
 *
 * The loaded archive is served as it is; the builder only needs the posts before the first
 * change. The replay runs in the background, a slice per turn of the event loop, and stands
 * aside while a scan runs: a scan awaits once per batch of files, and a slice costs more the
 * more posts the builder already holds (hundreds of milliseconds near the end at 100k talks),
 * so letting slices run between the scan's reads made a scan of an unchanged folder last as
 * long as the whole replay. A change that comes first finishes the replay at once, in one call,
 * which costs a fraction of the sliced replay.
 */
import type { ArchiveBuilder } from '../archive/index.ts';
import type { ExtractedPost } from '../model.ts';

/** Talks replayed per turn of the event loop. */
const SLICE_TALKS = 500;

export class WarmUp {
  private pending: [string, ExtractedPost][] | null;
  private running = false;
  private scheduled = false;
  private paused = 0;

  constructor(
    private readonly builder: ArchiveBuilder,
    posts: [string, ExtractedPost][],
  ) {
    this.pending = posts.length > 0 ? posts : null;
  }

  get done(): boolean {
    return this.pending === null;
  }

  /** Replays what is left now, synchronously: the builder must be complete before a change. */
  finish(): void {
    if (!this.pending) return;
    this.builder.load(this.pending);
    this.pending = null;
  }

  /** Starts the background replay; the timers do not keep a process alive. */
  start(): void {
    this.running = true;
    this.schedule();
  }

  /** Holds the background replay until the returned function is called (once per pause). */
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

  private schedule(): void {
    if (!this.running || this.scheduled || this.paused > 0 || !this.pending) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.step();
    }, 0).unref();
  }

  /** The builder's result depends only on the set of posts, so the slicing cannot change it. */
  private step(): void {
    if (this.paused > 0 || !this.pending) return;
    let talks = 0;
    let count = 0;
    while (count < this.pending.length && talks < SLICE_TALKS)
      talks += this.pending[count++]![1].talks.length;
    this.builder.load(this.pending.splice(0, count));
    if (this.pending.length === 0) this.pending = null;
    this.schedule();
  }
}
