/**
 * HTML-safe snippets: the window of the notes that covers the most query words, with those
 * words in <mark>. Words are compared through the same Encoder as the notes field, so a word is
 * marked exactly when the index would match it ("running" for "run"), and everything else is
 * escaped: the output is the only HTML from the archive that templates print unescaped.
 */
import type { Encoder } from 'flexsearch';
import { addHash, wordCodes } from './snippet-words.ts';

export const SNIPPET_LENGTH = 200;
/** Context kept before the first marked word of a window. */
const LEAD = 40;
/** Notes longer than this are only scanned up to here: snippets stay cheap for huge posts. */
const SCAN_LIMIT = 20_000;
const WORD = /[\p{L}\p{N}]+/gu;
/** Plain ASCII text is split by character codes instead: Unicode property classes only cost time. */
const NON_ASCII = /[^ -~\t\n\r]/;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The words of a text as parallel arrays (no object per word): offsets and mark of each. */
interface Tokens {
  starts: Int32Array;
  ends: Int32Array;
  /** The word's encoding when every token of it is a query term, else null. */
  marked: (string | null)[];
  size: number;
}

/**
 * One set of token arrays reused by every snippet (snippets are made one at a time): a page of
 * hits then allocates no per-word storage.
 */
const TOKENS: Tokens = { starts: new Int32Array(1024), ends: new Int32Array(1024), marked: [], size: 0 };

function push(tokens: Tokens, start: number, end: number, mark: string | null): void {
  const at = tokens.size++;
  if (at === tokens.starts.length) {
    const starts = new Int32Array(at * 2);
    const ends = new Int32Array(at * 2);
    starts.set(tokens.starts);
    ends.set(tokens.ends);
    [tokens.starts, tokens.ends] = [starts, ends];
  }
  tokens.starts[at] = start;
  tokens.ends[at] = end;
  tokens.marked[at] = mark;
}

/** The word's encoding when every token of it is a query term (one token: that token), else null. */
function markOf(encoded: string[], terms: ReadonlySet<string>): string | null {
  if (encoded.length === 1) return terms.has(encoded[0]!) ? encoded[0]! : null;
  return encoded.length && encoded.every((t) => terms.has(t)) ? encoded.join(' ') : null;
}

/** Whether a character code is an ASCII letter or digit. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function tokenize(text: string, terms: ReadonlySet<string>, encoder: Encoder): Tokens {
  const tokens = TOKENS;
  tokens.size = 0;
  const codes = terms.size ? wordCodes(encoder) : null;
  const add = (start: number, end: number, hash?: number) => {
    push(tokens, start, end, codes ? markOf(codes.encoded[codes.id(text, start, end, hash)]!, terms) : null);
  };
  if (NON_ASCII.test(text)) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) add(m.index, m.index + m[0].length);
    return tokens;
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
    add(i, end, hash);
    i = end;
  }
  return tokens;
}

/** Index of the first token of the best window: most distinct marked words, then most marks. */
function bestWindow(tokens: Tokens, length: number): number {
  const { starts, ends, marked, size } = tokens;
  let best = 0;
  let bestScore = 0;
  let first = 0;
  for (let i = 0; i < size; i++) {
    if (!marked[i]) continue;
    // Windows start LEAD characters before a marked word; `first` only moves forward.
    while (starts[first]! < starts[i]! - LEAD) first++;
    const limit = starts[first]! + length;
    const distinct = new Set<string>();
    let count = 0;
    for (let j = first; j < size && ends[j]! <= limit; j++) {
      const m = marked[j];
      if (m) {
        distinct.add(m);
        count++;
      }
    }
    const score = distinct.size * 1000 + count;
    if (score > bestScore) [best, bestScore] = [first, score];
  }
  return best;
}

/** Encoded forms of the query words, as the notes field's encoder sees them. */
export function encodeTerms(words: string[], encoder: Encoder): Set<string> {
  return new Set(words.flatMap((w) => encoder.encode(w)));
}

export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
  encoder: Encoder,
  length = SNIPPET_LENGTH,
) {
  const source = text.slice(0, SCAN_LIMIT);
  const tokens = tokenize(source, terms, encoder);
  const { starts, ends, marked, size } = tokens;
  if (!size) return escapeHtml(source.slice(0, length).trim());
  const first = bestWindow(tokens, length);
  const start = first === 0 ? 0 : starts[first]!;
  let out = start > 0 ? '… ' : '';
  let cursor = start;
  let last = first;
  for (let j = first; j < size && ends[j]! <= start + length; j++) {
    last = j;
    if (!marked[j]) continue;
    // Plain text is escaped in runs between marks, not word by word.
    out += escapeHtml(source.slice(cursor, starts[j]));
    out += `<mark>${escapeHtml(source.slice(starts[j], ends[j]))}</mark>`;
    cursor = ends[j]!;
  }
  const end = ends[last]!;
  // Keep a closing punctuation mark right after the last word ("end." rather than "end …").
  const tail = /^[^\s\p{L}\p{N}]{1,2}/u.exec(source.slice(end))?.[0] ?? '';
  out += escapeHtml(source.slice(cursor, end) + tail);
  if (end + tail.length < text.trimEnd().length) out += ' …';
  return out;
}
