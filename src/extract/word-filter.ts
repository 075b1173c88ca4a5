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
 * Reads the word that starts at `at` (a word character) up to its end: returns that end when
 * the word may be one of the keys, as written or as a lookup variant, and minus that end when
 * it may not. One pass over its characters both finds the word and tests it.
 */
export type WordFilter = (scan: string, at: number) => number;

/**
 * A filter for lower-cased words: a word passes when it, or one of the shorter keys it is also
 * looked up under (see `variants` in phrase-index.ts: without "s", without "es", without
 * trailing digits), may be a key.
 */
export function wordFilter(keys: Iterable<string>): WordFilter {
  const bits = new Uint32Array((1 << BITS) >>> 5);
  const has = (hash: number) => {
    const at = mix(hash);
    return (bits[at >>> 5]! & (1 << (at & 31))) !== 0;
  };
  for (const key of keys) {
    let hash = 0;
    for (let i = 0; i < key.length; i++) hash = step(hash, key.charCodeAt(i));
    const at = mix(hash);
    bits[at >>> 5]! |= 1 << (at & 31);
  }
  return (scan, at) => {
    let hash = 0;
    let less1 = 0;
    let less2 = 0;
    // The hash up to the last character that is not a digit, and whether there is one.
    let letters = 0;
    let lettersSeen = false;
    const length = scan.length;
    let end = at;
    // Bounded by the length: past it `charCodeAt` gives NaN, which would slow the loop down.
    for (; end < length; end++) {
      const code = scan.charCodeAt(end);
      if (!isWordCode(code)) break;
      less2 = less1;
      less1 = hash;
      hash = step(hash, code);
      if (code < 48 || code > 57) {
        letters = hash;
        lettersSeen = true;
      }
    }
    if (has(hash)) return end;
    const size = end - at;
    const last = scan.charCodeAt(end - 1);
    if (last === 115 /* s */) {
      if (size > 1 && has(less1)) return end;
      return size > 2 && scan.charCodeAt(end - 2) === 101 /* e */ && has(less2) ? end : -end;
    }
    return last >= 48 && last <= 57 && lettersSeen && has(letters) ? end : -end;
  };
}
