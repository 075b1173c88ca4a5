/**
 * The words a phrase matcher looks up (see phrases.ts), read straight from the text: most words
 * of a text start no phrase, and telling so from a hash of their characters costs far less than
 * slicing each word out and looking it up in a map. A word that is a key is told by its id,
 * without slicing it either.
 */

const FILTER_BITS = 18;

function mix(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

function step(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** Word characters below U+0250 (none lies above): one load instead of four range tests. */
const WORD_CODES = new Uint8Array(0x250);
for (let code = 0; code < 0x250; code++)
  WORD_CODES[code] =
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code >= 0xc0
      ? 1
      : 0;

/** A character of a word, as phrase matchers split text: Latin letters (with accents) and digits. */
export function isWordCode(code: number): boolean {
  return code < 0x250 && WORD_CODES[code] === 1;
}

/** The end of the word that starts at `at`. */
export function wordEnd(scan: string, at: number): number {
  let end = at + 1;
  while (end < scan.length && isWordCode(scan.charCodeAt(end))) end++;
  return end;
}

/**
 * Whether the word after the one that ends at `end` opens with `prefix` (lower-case word
 * characters). A lower-cased `scan` is compared in place: past the word's end comes a non-word
 * character, which no prefix holds; otherwise the word is cut out and lower-cased.
 */
export function nextOpensWith(scan: string, lowered: boolean, end: number, prefix: string): boolean {
  let at = end;
  while (at < scan.length && !isWordCode(scan.charCodeAt(at))) at++;
  if (lowered) return scan.startsWith(prefix, at);
  let stop = at;
  while (stop < scan.length && isWordCode(scan.charCodeAt(stop))) stop++;
  return scan.slice(at, stop).toLowerCase().startsWith(prefix);
}

/**
 * Reads the word that starts at `at` (a word character) up to its end: returns that end when
 * the word may be one of the keys, as written or as a lookup variant, and minus that end when
 * it may not.
 */
export type WordFilter = (scan: string, at: number) => number;

/** Keys by id, in a hash table read without building any string. */
export interface WordKeys {
  /**
   * Reads the word of a lower-cased `scan` that starts at `at` (a word character) up to its
   * end, and returns that end, negated when `found` holds no id. One pass over its characters
   * both finds the word and hashes it.
   */
  read(scan: string, at: number): number;
  /** Looks up a lower-cased word given as a string, as `read` does. */
  lookUp(word: string): void;
  /**
   * The ids (positions in the keys) a word is looked up under, in this order, -1 where it is
   * none: the word as written, without "s" or without trailing digits, without "es" (see
   * `candidatesOf` in phrases.ts).
   */
  readonly found: Int32Array;
}

export function wordKeys(keys: readonly string[]): WordKeys {
  const idOf = idTable(keys);
  const mayBe = bitFilter(keys);
  const found = new Int32Array(3);

  /** False only when neither the word from `from` to `to` nor a shorter form of it may be a key. */
  function mayBeKey(text: string, from: number, to: number, hash: number): boolean {
    if (mayBe(hash)) return true;
    const last = text.charCodeAt(to - 1);
    if (last === 115 /* s */) {
      if (to - from > 1 && mayBe(hashOf(text, from, to - 1))) return true;
      return to - from > 2 && text.charCodeAt(to - 2) === 101 /* e */ && mayBe(hashOf(text, from, to - 2));
    }
    if (!isDigit(last)) return false;
    const letters = digitsStart(text, from, to);
    return letters > from && mayBe(hashOf(text, from, letters));
  }

  /** Fills `found` for the word from `from` to `to`, its own hash given; true when any id is. */
  function lookUpAt(text: string, from: number, to: number, hash: number): boolean {
    found[0] = idOf(text, from, to, hash);
    found[1] = -1;
    found[2] = -1;
    // The shorter keys are hashed again only for the few words that have them: cheaper than
    // carrying their hashes along every word.
    const last = text.charCodeAt(to - 1);
    if (last === 115 /* s */) {
      if (to - from > 1) found[1] = idOf(text, from, to - 1, hashOf(text, from, to - 1));
      if (to - from > 2 && text.charCodeAt(to - 2) === 101 /* e */)
        found[2] = idOf(text, from, to - 2, hashOf(text, from, to - 2));
    } else if (isDigit(last)) {
      const letters = digitsStart(text, from, to);
      if (letters > from) found[1] = idOf(text, from, letters, hashOf(text, from, letters));
    }
    return found[0]! >= 0 || found[1]! >= 0 || found[2]! >= 0;
  }

  return {
    found,
    read(scan, at) {
      let hash = 0;
      const length = scan.length;
      let end = at;
      // Bounded by the length: past it `charCodeAt` gives NaN, which would slow the loop down.
      for (; end < length; end++) {
        const code = scan.charCodeAt(end);
        if (!isWordCode(code)) break;
        hash = step(hash, code);
      }
      return mayBeKey(scan, at, end, hash) && lookUpAt(scan, at, end, hash) ? end : -end;
    },
    lookUp(word) {
      lookUpAt(word, 0, word.length, hashOf(word, 0, word.length));
    },
  };
}

/** The id of the key that the text from `from` to `to` (its hash given) spells, or -1. */
type IdOf = (text: string, from: number, to: number, hash: number) => number;

/** Open addressing: a slot holds its key's id plus one (0 when empty), beside the key's hash. */
function idTable(keys: readonly string[]): IdOf {
  let bits = 4;
  while (1 << bits < 4 * keys.length) bits++;
  const mask = (1 << bits) - 1;
  const slots = new Int32Array(mask + 1);
  const hashes = new Int32Array(mask + 1);
  keys.forEach((key, id) => {
    const hash = hashOf(key, 0, key.length);
    let at = mix(hash, bits);
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = id + 1;
    hashes[at] = hash;
  });
  return (text, from, to, hash) => {
    for (let at = mix(hash, bits); ; at = (at + 1) & mask) {
      const slot = slots[at]!;
      if (slot === 0) return -1;
      if (hashes[at] === hash && sameText(keys[slot - 1]!, text, from, to)) return slot - 1;
    }
  };
}

/**
 * A bit per hash of a key, a table small enough to stay in cache: most words are ruled out by
 * one bit, before the slower search of the id table.
 */
function bitFilter(keys: readonly string[]): (hash: number) => boolean {
  const filter = new Uint32Array(1 << (FILTER_BITS - 5));
  for (const key of keys) {
    const at = mix(hashOf(key, 0, key.length), FILTER_BITS);
    filter[at >>> 5]! |= 1 << (at & 31);
  }
  return (hash) => {
    const at = mix(hash, FILTER_BITS);
    return (filter[at >>> 5]! & (1 << (at & 31))) !== 0;
  };
}

/** Where the trailing digits of the word from `from` to `to` start. */
function digitsStart(text: string, from: number, to: number): number {
  let letters = to;
  while (letters > from && isDigit(text.charCodeAt(letters - 1))) letters--;
  return letters;
}

/** A filter that lets through the words `wordKeys` finds an id for. */
export function wordFilter(keys: Iterable<string>): WordFilter {
  const table = wordKeys([...keys]);
  return (scan, at) => table.read(scan, at);
}

function sameText(key: string, text: string, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = step(hash, text.charCodeAt(i));
  return hash;
}
