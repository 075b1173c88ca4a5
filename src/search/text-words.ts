/** Finding the words of a text for snippets: runs of letters and digits. */
import { addHash } from './snippet-words.ts';

const WORD = /[\p{L}\p{N}]+/gu;
/** Plain ASCII text is split by character codes instead: Unicode property classes only cost time. */
const NON_ASCII = /[^ -~\t\n\r]/;

/** Whether a character code is an ASCII letter or digit. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * Calls `found` for each run of letters and digits, in order. `hash`: the word's addHash chain
 * when the text is plain ASCII (found while reading it), else undefined.
 */
export function scanWords(text: string, found: (start: number, end: number, hash?: number) => void): void {
  if (NON_ASCII.test(text)) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) found(m.index, m.index + m[0].length);
    return;
  }
  // Plain ASCII: runs of [A-Za-z0-9], found by reading character codes (no match objects).
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (!isWordCode(code)) continue;
    let hash = addHash(0, code);
    let end = i + 1;
    for (; end < n; end++) {
      code = text.charCodeAt(end);
      if (!isWordCode(code)) break;
      hash = addHash(hash, code);
    }
    found(i, end, hash);
    i = end;
  }
}
