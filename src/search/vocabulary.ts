/**
 * The words of titles, speakers, topics and conferences with the number of talks using each,
 * and a typo index over them: words grouped by length with a letter-set bitmask each, so a
 * correction compares a word only with the few words of a close length whose letters could be
 * a couple of edits away, instead of scanning the whole vocabulary. The index is rebuilt lazily
 * after writes (a sort of the vocabulary, on the first correction that needs it).
 */
import type { IndexedDoc } from './config.ts';
import { allowedEdits, editDistance, foldWord, isBetter } from './fuzzy.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;
const NON_ASCII = /[^ -~\t\n\r]/;

/** Distinct lowercase, accent-free words of at least 3 characters. */
export function vocabularyWords(doc: IndexedDoc): string[] {
  const text = `${doc.title} ${doc.speakers} ${doc.topics} ${doc.conference}`;
  // Unicode normalisation and property classes are slow: plain ASCII text skips them.
  const ascii = !NON_ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = folded.match(ascii ? ASCII_WORD : WORD) ?? [];
  return [...new Set(words)].filter((w) => w.length >= 3);
}

interface Bucket {
  words: string[];
  masks: number[];
}

/** Bit per letter or digit class: an edit changes at most two bits. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) % 31);
  return mask;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

export class Vocabulary {
  readonly counts = new Map<string, number>();
  #sorted: string[] | null = null;
  #buckets: Map<number, Bucket> | null = null;

  /** Counts saved in a snapshot, before any talk is added. */
  restore(entries: [string, number][]): void {
    for (const [word, count] of entries) this.counts.set(word, count);
    this.#sorted = null;
    this.#buckets = null;
  }

  add(words: string[]): void {
    for (const word of words) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    this.#sorted = null;
    this.#buckets = null;
  }

  remove(words: string[]): void {
    for (const word of words) {
      const count = (this.counts.get(word) ?? 0) - 1;
      if (count > 0) this.counts.set(word, count);
      else this.counts.delete(word);
    }
    this.#sorted = null;
    this.#buckets = null;
  }

  /** True when some known word starts with `prefix`. */
  hasPrefix(prefix: string): boolean {
    this.#sorted ??= [...this.counts.keys()].sort();
    const words = this.#sorted;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < words.length && words[lo]!.startsWith(prefix);
  }

  /**
   * The known word `word` most likely stands for, or null when it is known, is the start of a
   * known word (someone still typing), or nothing is close enough. Same answer as
   * fuzzy.ts correctWord over `counts`, without the full scan.
   */
  correct(word: string): string | null {
    const folded = foldWord(word);
    const max = allowedEdits(folded);
    if (max === 0 || !/^[\p{L}\p{N}]+$/u.test(folded) || this.counts.has(folded)) return null;
    if (this.hasPrefix(folded)) return null;
    const mask = letterMask(folded);
    let best: string | null = null;
    let bestDistance = max + 1;
    let bestCount = 0;
    for (let length = folded.length - max; length <= folded.length + max; length++) {
      const bucket = this.#bucket(length);
      if (!bucket) continue;
      for (let i = 0; i < bucket.words.length; i++) {
        if (bitCount(mask ^ bucket.masks[i]!) > 2 * max) continue;
        const candidate = bucket.words[i]!;
        const count = this.counts.get(candidate) ?? 0;
        const d = editDistance(folded, candidate, Math.min(max, bestDistance));
        if (d <= max && isBetter(d, count, candidate, bestDistance, bestCount, best)) {
          [best, bestDistance, bestCount] = [candidate, d, count];
        }
      }
    }
    return bestDistance <= max ? best : null;
  }

  #bucket(length: number): Bucket | undefined {
    if (!this.#buckets) {
      this.#buckets = new Map();
      for (const word of this.counts.keys()) {
        let bucket = this.#buckets.get(word.length);
        if (!bucket) {
          bucket = { words: [], masks: [] };
          this.#buckets.set(word.length, bucket);
        }
        bucket.words.push(word);
        bucket.masks.push(letterMask(word));
      }
    }
    return this.#buckets.get(length);
  }
}
