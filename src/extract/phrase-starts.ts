/**
 * Where phrases that open with no Latin word (".NET") may start in a text without CJK: a table
 * by character code, read while the matcher walks the text's words anyway, instead of a
 * separate regex scan that allocates a match per start (see phrases.ts).
 */
import { CJK_START, type Compiled, firstKey } from './phrase-index.ts';
import { isWordCode } from './word-filter.ts';

export interface StartTable<T> {
  /** 1 where a phrase may start at that code (below CJK_START), else 0. */
  codes: Uint8Array;
  /** The phrases to try at each such code. */
  candidates: Map<number, readonly Compiled<T>[]>;
}

/**
 * The table equivalent to scanning a CJK-free text with `starts`, or null when the word walk
 * could not stand in for that scan: a start character that is, or lower-cases to, a word
 * character would sit inside a word the walk skips.
 */
export function startTable<T>(
  starts: RegExp | null,
  byFirstChar: ReadonlyMap<string, Compiled<T>[]>,
): StartTable<T> | null {
  const codes = new Uint8Array(CJK_START);
  const candidates = new Map<number, readonly Compiled<T>[]>();
  if (!starts) return { codes, candidates };
  // Asking the regex itself keeps the table exact, whatever case mapping built its class.
  const test = new RegExp(starts.source, starts.flags.replace('g', ''));
  for (let code = 0; code < CJK_START; code++) {
    const char = String.fromCharCode(code);
    if (!test.test(char)) continue;
    const lower = char.toLowerCase();
    if (isWordCode(code) || lower.length !== 1 || isWordCode(lower.charCodeAt(0))) return null;
    codes[code] = 1;
    candidates.set(code, byFirstChar.get(firstKey(char)) ?? []);
  }
  return { codes, candidates };
}

/**
 * The phrases to try where a start pattern (see `firstCharPattern`) matches the code point from
 * `at` to `end`: what `firstKey` of that character names, found by code point without building
 * the key string.
 */
export function startCandidates<T>(
  byFirstChar: ReadonlyMap<string, Compiled<T>[]>,
): (text: string, at: number, end: number) => readonly Compiled<T>[] {
  const byCode = new Map<number, readonly Compiled<T>[]>();
  for (const key of byFirstChar.keys())
    for (const char of key + key.toUpperCase())
      byCode.set(char.codePointAt(0)!, byFirstChar.get(firstKey(char)) ?? []);
  return (text, at, end) =>
    byCode.get(text.codePointAt(at)!) ?? byFirstChar.get(firstKey(text.slice(at, end))) ?? [];
}

/**
 * Where the next match of `starts` (a class of code points, global) in `text` begins, or -1;
 * `lastIndex` then holds where it ends.
 */
export function nextStart(text: string, starts: RegExp): number {
  // `test` allocates no match array as `exec` does.
  if (!starts.test(text)) return -1;
  const end = starts.lastIndex;
  return end - (isPairEnd(text, end) ? 2 : 1);
}

/** Whether the two code units before `end` form a surrogate pair: one code point. */
function isPairEnd(text: string, end: number): boolean {
  const low = text.charCodeAt(end - 1);
  const high = text.charCodeAt(end - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}
