/**
 * HTML-safe snippets: the window of the notes that covers the most query words, with those
 * words in <mark>. Words are compared through the same Encoder as the notes field, so a word is
 * marked exactly when the index would match it ("running" for "run"), and everything else is
 * escaped: the output is the only HTML from the archive that templates print unescaped.
 */
import type { Encoder } from 'flexsearch';
import { Marks, wordCodes } from './snippet-words.ts';
import { scanWords } from './text-words.ts';

export const SNIPPET_LENGTH = 200;
/** Context kept before the first marked word of a window. */
const LEAD = 40;
/** Notes longer than this are only scanned up to here: snippets stay cheap for huge posts. */
const SCAN_LIMIT = 20_000;

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
  /** The word's mark number (Marks) when every token of it is a query term, else 0. */
  marked: Int32Array;
  size: number;
}

/**
 * One set of token arrays reused by every snippet (snippets are made one at a time): a page of
 * hits then allocates no per-word storage.
 */
const TOKENS: Tokens = {
  starts: new Int32Array(1024),
  ends: new Int32Array(1024),
  marked: new Int32Array(1024),
  size: 0,
};

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function push(tokens: Tokens, start: number, end: number, mark: number): void {
  const at = tokens.size++;
  if (at === tokens.starts.length) {
    tokens.starts = grow(tokens.starts);
    tokens.ends = grow(tokens.ends);
    tokens.marked = grow(tokens.marked);
  }
  tokens.starts[at] = start;
  tokens.ends[at] = end;
  tokens.marked[at] = mark;
}

const MARKS = new Marks();

function tokenize(text: string, terms: ReadonlySet<string>, encoder: Encoder): Tokens {
  const tokens = TOKENS;
  tokens.size = 0;
  if (!terms.size) {
    // Nothing to mark: offsets only, no word is looked up.
    scanWords(text, (start, end) => push(tokens, start, end, 0));
    return tokens;
  }
  const codes = wordCodes(encoder);
  MARKS.use(terms, codes);
  scanWords(text, (start, end, hash) =>
    push(tokens, start, end, MARKS.of(codes.id(text, start, end, hash), codes)),
  );
  return tokens;
}

/** Per mark number, the window in which it was last counted (bestWindow's distinct count). */
let windowOf = new Int32Array(16);

/** Index of the first token of the best window: most distinct marked words, then most marks. */
function bestWindow(tokens: Tokens, length: number): number {
  const { starts, ends, marked, size } = tokens;
  if (windowOf.length <= MARKS.count) windowOf = new Int32Array(MARKS.count * 2 + 1);
  windowOf.fill(-1);
  let best = 0;
  let bestScore = 0;
  let first = 0;
  for (let i = 0; i < size; i++) {
    if (!marked[i]) continue;
    // Windows start LEAD characters before a marked word; `first` only moves forward.
    while (starts[first]! < starts[i]! - LEAD) first++;
    const limit = starts[first]! + length;
    let distinct = 0;
    let count = 0;
    for (let j = first; j < size && ends[j]! <= limit; j++) {
      const m = marked[j]!;
      if (!m) continue;
      if (windowOf[m] !== i) {
        windowOf[m] = i;
        distinct++;
      }
      count++;
    }
    const score = distinct * 1000 + count;
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
