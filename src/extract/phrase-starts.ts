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
