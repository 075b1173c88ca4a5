/**
 * The encoded form of each word seen in snippets, per encoder: the same notes words come back
 * query after query. Words are found by a hash of their characters computed in place, so a
 * word already seen costs neither a substring nor a string hash (which is what a Map keyed by
 * the word would cost for every word of every hit).
 */
import type { Encoder } from 'flexsearch';

/** Words kept before the table starts over: memory stays bounded whatever the notes hold. */
const MAX_WORDS = 100_000;
/** Open addressing at a load of at most 0.4. */
const SLOTS = 1 << 18;

/** One step of a word's hash: `hash` so far, then the next character code. */
export function addHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

function hashRange(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = addHash(hash, text.charCodeAt(i));
  return hash;
}

export class WordCodes {
  /** Word number + 1 per slot, 0 for an empty slot. */
  #slots = new Int32Array(SLOTS);
  #hashes: number[] = [];
  #words: string[] = [];
  /** The encoder's tokens for each word number. */
  readonly encoded: string[][] = [];

  constructor(private readonly encoder: Encoder) {}

  /**
   * The number of the word text[start, end), encoding it the first time it is seen. `sum`: the
   * word's addHash chain, when the caller computed it while finding the word.
   */
  id(text: string, start: number, end: number, sum = hashRange(text, start, end)): number {
    let hash = Math.imul(sum ^ (sum >>> 16), 0x45d9f3b);
    hash ^= hash >>> 16;
    const mask = SLOTS - 1;
    let at = hash & mask;
    for (let entry = this.#slots[at]!; entry !== 0; entry = this.#slots[at]!) {
      const id = entry - 1;
      const word = this.#words[id]!;
      if (this.#hashes[id] === hash && word.length === end - start && text.startsWith(word, start)) return id;
      at = (at + 1) & mask;
    }
    if (this.#words.length >= MAX_WORDS) {
      this.#clear();
      at = hash & mask;
    }
    const word = text.slice(start, end);
    const id = this.#words.length;
    this.#words.push(word);
    this.#hashes.push(hash);
    this.encoded.push(this.encoder.encode(word.toLowerCase()));
    this.#slots[at] = id + 1;
    return id;
  }

  #clear(): void {
    this.#slots.fill(0);
    this.#hashes.length = 0;
    this.#words.length = 0;
    this.encoded.length = 0;
  }
}

const TABLES = new WeakMap<Encoder, WordCodes>();

export function wordCodes(encoder: Encoder): WordCodes {
  let table = TABLES.get(encoder);
  if (!table) {
    table = new WordCodes(encoder);
    TABLES.set(encoder, table);
  }
  return table;
}
