/**
 * What the next snapshot has to write: whether anything changed since the last one, and which
 * posts, so that the writer links the shards of the others from the last snapshot.
 */
import type { PreviousSnapshot } from './snapshot-posts.ts';

export class Unsaved {
  private dirty = true;
  /** The snapshot the state was loaded from or last saved to. */
  private savedId: string | null = null;
  private changed = new Set<string>();

  get any(): boolean {
    return this.dirty;
  }

  /** The state is the one of snapshot `id`, or (`dirty`) differs from it in more than its posts. */
  loaded(id: string, dirty: boolean): void {
    this.savedId = id;
    this.dirty = dirty;
  }

  /** Something besides the posts (the manifest) differs from the last snapshot. */
  touch(): void {
    this.dirty = true;
  }

  post(path: string): void {
    this.changed.add(path);
    this.dirty = true;
  }

  /**
   * Starts a write of the state as it is now: what it may reuse, and how to end it. Changes
   * made during the write count for the next one; a failed write leaves everything unsaved.
   */
  begin(): { previous: PreviousSnapshot | null; saved(id: string): void; failed(): void } {
    const changed = this.changed;
    this.changed = new Set();
    this.dirty = false;
    return {
      previous: this.savedId === null ? null : { id: this.savedId, changed },
      saved: (id) => {
        this.savedId = id;
      },
      failed: () => {
        this.dirty = true;
        for (const path of changed) this.changed.add(path);
      },
    };
  }
}
