/**
 * A quick test in front of the two string checks ranking makes per candidate: does a forward
 * field hold an encoded token whole (short-fields.ts), and does a talk have a word starting
 * with a piece of the query as typed (rank.ts). Each costs a string search of about 100
 * characters; a prefix query asks them of thousands of talks, and most answers are "no".
 *
 * Per talk number, 16-bit hashes of the tokens of each forward field, and an 8-bit hash of
 * the first three letters of each vocabulary word with where the word starts, sit in one pool
 * (about 32 entries of 2 bytes per talk). A hash that is not there means the string check
 * would fail; a hash that is there is confirmed on the string itself, so answers are exactly
 * those of the string checks. The hashes of a number are computed on first use from strings
 * that never change for that number (numbers are never reused), and the pool starts over when
 * it outgrows the live talks, so memory stays bounded by the archive.
 */
import { SEGMENTS, SEGMENTS_START, SIZES } from './short-fields.ts';
import type { TalkTable } from './tables.ts';

/** Letters of a word whose hash is kept (query pieces have at least this many). */
export const PIECE = 3;
/** Pool entries per live talk (with a floor) before the pool starts over. */
const ROOM_PER_TALK = 96;
const MIN_ROOM = 1 << 16;
/** Entry layout: hash counts of each segment and of the words, the token count of each short field, hashes. */
const WORDS_COUNT = SEGMENTS;
const SIZES_AT = SEGMENTS + 1;
const HEADER = SIZES_AT + SIZES;
/** Not computed yet (see entry()); -1: no entry, every may* answer is true. */
export const UNKNOWN = -2;
/** The longest entry kept (a count must fit in 16 bits). */
const MAX_ENTRY = 0xffff;
/** Each word is kept as its 8-bit hash and its 8-bit position in the words string. */
const MAX_WORDS_LENGTH = 0xff;
const SPACE = 32;
const NEWLINE = 10;

/** A 16-bit hash of text[start, end). */
export function hash16(text: string, start = 0, end = text.length): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h ^ (h >>> 16)) & 0xffff;
}

/** A talk record, of which only the vocabulary words are read. */
interface Words {
  readonly words: string;
}

export class ShortHashes {
  /** Per number: 1 + where its entry starts in the pool; 0 when not computed yet. */
  #at = new Int32Array(0);
  /** Per entry: the hash count of each segment and of the words, then the hashes. */
  pool = new Uint16Array(MIN_ROOM);
  #used = 0;

  constructor(private readonly table: TalkTable) {}

  /** Where the entry of `num` starts in `pool`, UNKNOWN when not computed, -1 when it has none. */
  find(num: number): number {
    return num < this.#at.length ? this.#at[num]! - 2 : UNKNOWN;
  }

  /**
   * Computes the entry of `num` (see find): `encoded` are the talk's encoded short fields,
   * `words` its vocabulary words (" w1 w2"). Read `pool` after calling: it may be replaced.
   */
  add(num: number, encoded: string, words: string): number {
    if (num >= this.#at.length) {
      const bigger = new Int32Array(Math.max(this.table.next, num + 1) + 1024);
      bigger.set(this.#at);
      this.#at = bigger;
    }
    const size = HEADER + encoded.length + words.length;
    // Counts are 16 bits and word positions 8: fields that long are left to the string checks,
    // and so is a talk without vocabulary words (it counts as spelled as typed).
    if (size > MAX_ENTRY || words.length > MAX_WORDS_LENGTH || !words) {
      this.#at[num] = 1;
      return -1;
    }
    const start = this.#reserve(size);
    this.#fill(start, encoded, words);
    this.#at[num] = start + 2;
    return start;
  }

  /** The number of distinct tokens of short field `slot` (ShortSlot.count) in an entry. */
  size(start: number, slot: number): number {
    return this.pool[start + SIZES_AT + slot]!;
  }

  /** True when the segment's hashes include every hash of `tokens` (a strict field, -1: true). */
  mayHold(start: number, segment: number, tokens: readonly number[]): boolean {
    if (start < 0 || segment < 0) return true;
    const pool = this.pool;
    let from = start + HEADER;
    for (let s = 0; s < segment; s++) from += pool[start + s]!;
    return includesAll(pool, from, from + pool[start + segment]!, tokens);
  }

  /**
   * Exactly `!words || pieces.every((p) => words.includes(" " + p))` for the talk's vocabulary
   * words (" w1 w2"): a piece can only start a word whose first PIECE letters hash as its own,
   * so only those words are compared (and the talk's string is read only then). `hashes`:
   * hash16 of each piece's first PIECE letters.
   */
  spells(start: number, talk: Words, pieces: readonly string[], hashes: readonly number[]): boolean {
    // No entry: the string check itself (a talk without vocabulary words counts as spelled).
    if (start < 0) return !talk.words || pieces.every((piece) => talk.words.includes(` ${piece}`));
    const pool = this.pool;
    let from = start + HEADER;
    for (let s = 0; s < SEGMENTS; s++) from += pool[start + s]!;
    const to = from + pool[start + WORDS_COUNT]!;
    outer: for (let p = 0; p < pieces.length; p++) {
      const hash = hashes[p]! & 0xff;
      for (let i = from; i < to; i++) {
        const word = pool[i]!;
        if (word >> 8 === hash && talk.words.startsWith(pieces[p]!, word & 0xff)) continue outer;
      }
      return false;
    }
    return true;
  }

  /** Room for `size` more entries; starts over when the pool holds far more than the live talks need. */
  #reserve(size: number): number {
    if (this.#used + size > this.pool.length) {
      const limit = Math.max(MIN_ROOM, this.table.size * ROOM_PER_TALK);
      if (this.#used + size > limit) {
        this.#at.fill(0);
        this.#used = 0;
      }
      if (this.#used + size > this.pool.length) {
        const bigger = new Uint16Array(Math.max(this.#used + size, Math.min(limit, this.pool.length * 2)));
        bigger.set(this.pool.subarray(0, this.#used));
        this.pool = bigger;
      }
    }
    const start = this.#used;
    this.#used += size;
    return start;
  }

  /** Writes the counts and hashes, then gives back the room reserved but not needed. */
  #fill(start: number, encoded: string, words: string): void {
    const pool = this.pool;
    for (let f = 0; f < SIZES; f++) pool[start + SIZES_AT + f] = encoded.charCodeAt(f);
    let out = start + HEADER;
    let at = SEGMENTS_START;
    for (let s = 0; s < SEGMENTS; s++) {
      const next = encoded.indexOf('\n', at);
      const end = next < 0 ? encoded.length : next;
      const before = out;
      let from = at;
      for (let i = at; i <= end; i++) {
        if (i < end && encoded.charCodeAt(i) !== SPACE && encoded.charCodeAt(i) !== NEWLINE) continue;
        if (i > from) pool[out++] = hash16(encoded, from, i);
        from = i + 1;
      }
      pool[start + s] = out - before;
      at = end + 1;
    }
    const before = out;
    for (let i = 0; i < words.length; i++) {
      if (words.charCodeAt(i) !== SPACE) continue;
      pool[out++] = ((hash16(words, i + 1, Math.min(words.length, i + 1 + PIECE)) & 0xff) << 8) | (i + 1);
    }
    pool[start + WORDS_COUNT] = out - before;
    this.#used = out;
  }
}

function includesAll(pool: Uint16Array, from: number, to: number, wanted: readonly number[]): boolean {
  outer: for (const hash of wanted) {
    for (let i = from; i < to; i++) if (pool[i] === hash) continue outer;
    return false;
  }
  return true;
}
