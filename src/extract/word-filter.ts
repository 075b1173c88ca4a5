/**
 * A cheap first test of the words a phrase matcher reads (see phrases.ts): most words of a text
 * start no phrase, and telling so from a hash of their characters costs far less than slicing
 * each word out and looking it up in a map. False positives only cost that lookup.
 */

const BITS = 20;

function mix(hash: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - BITS);
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
 * it may not. One pass over its characters both finds the word and tests it.
 */
export type WordFilter = (scan: string, at: number) => number;

/**
 * A filter for lower-cased words: a word passes when it, or one of the shorter keys it is also
 * looked up under (see `candidatesOf` in phrases.ts: without "s", without "es", without
 * trailing digits), may be a key.
 */
export function wordFilter(keys: Iterable<string>): WordFilter {
  const bits = new Uint32Array((1 << BITS) >>> 5);
  const has = (hash: number) => {
    const at = mix(hash);
    return (bits[at >>> 5]! & (1 << (at & 31))) !== 0;
  };
  for (const key of keys) {
    const at = mix(hashOf(key, 0, key.length));
    bits[at >>> 5]! |= 1 << (at & 31);
  }
  return (scan, at) => {
    let hash = 0;
    const length = scan.length;
    let end = at;
    // Bounded by the length: past it `charCodeAt` gives NaN, which would slow the loop down.
    for (; end < length; end++) {
      const code = scan.charCodeAt(end);
      if (!isWordCode(code)) break;
      hash = step(hash, code);
    }
    if (has(hash)) return end;
    // The shorter keys are hashed again only for the few words that have them: cheaper than
    // carrying their hashes along every word.
    const last = scan.charCodeAt(end - 1);
    if (last === 115 /* s */) {
      if (end - at > 1 && has(hashOf(scan, at, end - 1))) return end;
      return end - at > 2 && scan.charCodeAt(end - 2) === 101 /* e */ && has(hashOf(scan, at, end - 2))
        ? end
        : -end;
    }
    if (last < 48 || last > 57) return -end;
    let letters = end - 1;
    while (letters > at && isDigit(scan.charCodeAt(letters - 1))) letters--;
    return letters > at && has(hashOf(scan, at, letters)) ? end : -end;
  };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hashOf(scan: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = step(hash, scan.charCodeAt(i));
  return hash;
}
