/**
 * Finished answers (answers.ts), kept per archive state: those of the routes whose cost is a
 * search (`/api/search`, `/search`, `/feed.xml`) and of the pages that depend on the state
 * alone (home, lists, entity pages). A hit is a buffer write.
 *
 * The cache belongs to one state at a time. The first request that brings another state (a
 * re-index swapped it) empties it, so no answer outlives the archive it was computed from.
 * The state object is the generation: the server swaps it after every change to the archive or
 * the index, and a route reads it once, synchronously, before it looks anything up here.
 * The generation is held weakly: an idle server does not keep the archive it replaced alive.
 * Least recently used answers go first once the entries or the bytes pass their limits.
 */
import type { Answer } from './answers.ts';

export interface CacheLimits {
  /** Most answers kept; 0 turns the cache off. */
  entries: number;
  /** Most bytes of answer bodies and keys kept (the map's own upkeep is not counted). */
  bytes: number;
}

export const DEFAULT_CACHE_MB = 64;
/** Past this count even small answers are not worth the map's upkeep. */
const MAX_ENTRIES = 10_000;

export function cacheLimits(megabytes: number): CacheLimits {
  return megabytes > 0 ? { entries: MAX_ENTRIES, bytes: megabytes * 1024 * 1024 } : { entries: 0, bytes: 0 };
}

/** Keys come from request URLs, so they count too. */
const sizeOf = (key: string, answer: Answer) => answer.body.length + key.length;

export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class AnswerCache {
  readonly #limits: CacheLimits;
  readonly #answers = new Map<string, Answer>();
  #generation: WeakRef<object> | null = null;
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  constructor(limits: CacheLimits) {
    this.#limits = limits;
  }

  get(generation: object, key: string): Answer | undefined {
    if (generation !== this.#generation?.deref()) this.#reset(generation);
    const kept = this.#answers.get(key);
    if (!kept) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    // Re-inserting moves the key to the end of the map's order: the most recently used.
    this.#answers.delete(key);
    this.#answers.set(key, kept);
    return kept;
  }

  set(generation: object, key: string, answer: Answer): void {
    if (generation !== this.#generation?.deref()) this.#reset(generation);
    // One answer may not push out a quarter of the cache.
    if (this.#limits.entries === 0 || sizeOf(key, answer) > this.#limits.bytes / 4) return;
    this.#forget(key);
    this.#answers.set(key, answer);
    this.#bytes += sizeOf(key, answer);
    // A Map iterates in insertion order, so its first key is the least recently used.
    for (const oldest of this.#answers.keys()) {
      if (this.#answers.size <= this.#limits.entries && this.#bytes <= this.#limits.bytes) break;
      this.#forget(oldest);
    }
  }

  stats(): CacheStats {
    return { entries: this.#answers.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses };
  }

  #forget(key: string): void {
    const answer = this.#answers.get(key);
    if (!answer) return;
    this.#answers.delete(key);
    this.#bytes -= sizeOf(key, answer);
  }

  #reset(generation: object): void {
    this.#generation = new WeakRef(generation);
    this.#answers.clear();
    this.#bytes = 0;
  }
}
