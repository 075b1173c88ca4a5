/**
 * Compaction: FlexSearch keeps the numbers of changed and removed talks (removing them from an
 * index without fast updates scans every posting list), so once they pile up a fresh index is
 * built from the live talks, a chunk per event-loop turn so searches keep being answered, and
 * swapped in when complete. Talks added meanwhile go into both indexes; talks retired
 * meanwhile are simply left in the fresh one as retired numbers. The work does not keep the
 * process alive: a command that exits drops it (the next load sees the retired count), a server
 * finishes it.
 */
import type { Document } from 'flexsearch';
import type { IndexedDoc } from './config.ts';
import type { TalkRecord, TalkTable } from './tables.ts';

/** Below this many retired numbers a compaction is not worth its cost. */
export const COMPACT_MIN = 1000;
/** Talks indexed per event-loop turn: a few milliseconds of work. */
const CHUNK = 200;

export class Compactor {
  #fresh: Document<IndexedDoc> | null = null;
  #running: Promise<void> | null = null;

  constructor(
    private readonly table: TalkTable,
    private readonly create: () => Document<IndexedDoc>,
    private readonly docFor: (record: TalkRecord) => IndexedDoc,
    private readonly add: (index: Document<IndexedDoc>, doc: IndexedDoc) => void,
  ) {}

  /** Mirrors a write of the live index into the index being built. */
  added(doc: IndexedDoc): void {
    if (this.#fresh) this.add(this.#fresh, doc);
  }

  idle(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  start(swap: (fresh: Document<IndexedDoc>) => void): void {
    if (this.#running) return;
    const fresh = this.create();
    const nums = [...this.table.records()].map((r) => r.num);
    const retiredBefore = this.table.retired;
    this.#fresh = fresh;
    this.#running = new Promise<void>((resolve) => {
      let i = 0;
      // Unref'd timers, not immediates: an idle server waits for them (see background.ts).
      const step = () => {
        for (const end = Math.min(nums.length, i + CHUNK); i < end; i++) {
          const record = this.table.get(nums[i]!);
          if (record) this.add(fresh, this.docFor(record));
        }
        if (i < nums.length) {
          setTimeout(step, 0).unref();
          return;
        }
        // Numbers retired while the fresh index was built are the only ones it still holds.
        this.table.retired = Math.max(0, this.table.retired - retiredBefore);
        this.#fresh = null;
        this.#running = null;
        swap(fresh);
        resolve();
      };
      setTimeout(step, 0).unref();
    });
  }
}
