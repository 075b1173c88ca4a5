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
  /** Goes up each time the table starts over: word numbers from before mean nothing then. */
  generation = 0;

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
    this.generation++;
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

/** The word's encoding when every token of it is a query term (one token: that token), else null. */
function markOf(encoded: string[], terms: ReadonlySet<string>): string | null {
  if (encoded.length === 1) return terms.has(encoded[0]!) ? encoded[0]! : null;
  return encoded.length && encoded.every((t) => terms.has(t)) ? encoded.join(' ') : null;
}

/**
 * The mark of each snippet word number for one set of terms: the hits of a page share their
 * terms, and their notes share most words, so each word is checked against the terms once per
 * page. Distinct marks are numbered from 1 (0: not marked), so windows count them in an array.
 */
export class Marks {
  #terms: ReadonlySet<string> | null = null;
  #codes: WordCodes | null = null;
  #generation = -1;
  #epoch = 0;
  /** Epoch in which each word number's mark was found; its mark number beside it. */
  #seen = new Int32Array(0);
  #mark = new Int32Array(0);
  readonly #numbers = new Map<string, number>();

  /** Starts over when the terms or the word numbering changed since the last snippet. */
  use(terms: ReadonlySet<string>, codes: WordCodes): void {
    if (terms !== this.#terms) {
      this.#terms = terms;
      this.#numbers.clear();
      this.#epoch++;
    }
    this.#sync(codes);
  }

  /** Word numbers belong to one table and one generation of it (a table may start over mid-text). */
  #sync(codes: WordCodes): void {
    if (codes === this.#codes && codes.generation === this.#generation) return;
    this.#codes = codes;
    this.#generation = codes.generation;
    this.#epoch++;
  }

  /** The mark number of word number `id` (0: not marked). */
  of(id: number, codes: WordCodes): number {
    this.#sync(codes);
    if (id >= this.#seen.length) {
      const size = Math.max(1024, (id + 1) * 2);
      const seen = new Int32Array(size);
      const mark = new Int32Array(size);
      seen.set(this.#seen);
      mark.set(this.#mark);
      [this.#seen, this.#mark] = [seen, mark];
    }
    if (this.#seen[id] === this.#epoch) return this.#mark[id]!;
    const text = markOf(codes.encoded[id]!, this.#terms!);
    let number = 0;
    if (text !== null) {
      number = this.#numbers.get(text) ?? this.#numbers.size + 1;
      this.#numbers.set(text, number);
    }
    this.#seen[id] = this.#epoch;
    this.#mark[id] = number;
    return number;
  }

  /** How many distinct mark numbers there are so far (they run from 1 to this). */
  get count(): number {
    return this.#numbers.size;
  }
}
