/**
 * HTML-safe snippets: the window of the notes that covers the most query words, with those
 * words in <mark>. Words are compared through the same Encoder as the notes field, so a word is
 * marked exactly when the index would match it ("running" for "run"), and everything else is
 * escaped: the output is the only HTML from the archive that templates print unescaped.
 */
import type { Encoder } from 'flexsearch';

export const SNIPPET_LENGTH = 200;
/** Context kept before the first marked word of a window. */
const LEAD = 40;
/** Notes longer than this are only scanned up to here: snippets stay cheap for huge posts. */
const SCAN_LIMIT = 20_000;
const WORD = /[\p{L}\p{N}]+/gu;
/** The same words in plain ASCII text, where Unicode property classes only cost time. */
const ASCII_WORD = /[A-Za-z0-9]+/g;
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

interface Token {
  start: number;
  end: number;
  marked: string | null;
}

/**
 * Encoded form of each word seen in snippets, per encoder: the same notes words come back
 * query after query, and the encoder's own cache costs more per call than a Map lookup.
 */
const ENCODED = new WeakMap<Encoder, Map<string, string[]>>();
const ENCODED_MAX = 100_000;

function encodeWord(word: string, encoder: Encoder): string[] {
  let cache = ENCODED.get(encoder);
  if (!cache) {
    cache = new Map();
    ENCODED.set(encoder, cache);
  }
  let encoded = cache.get(word);
  if (!encoded) {
    if (cache.size >= ENCODED_MAX) cache.clear();
    encoded = encoder.encode(word.toLowerCase());
    cache.set(word, encoded);
  }
  return encoded;
}

function tokenize(text: string, terms: ReadonlySet<string>, encoder: Encoder): Token[] {
  const tokens: Token[] = [];
  const word = NON_ASCII.test(text) ? WORD : ASCII_WORD;
  word.lastIndex = 0;
  for (let match = word.exec(text); match; match = word.exec(text)) {
    let marked: string | null = null;
    if (terms.size) {
      const encoded = encodeWord(match[0], encoder);
      if (encoded.length && encoded.every((t) => terms.has(t))) marked = encoded.join(' ');
    }
    tokens.push({ start: match.index, end: match.index + match[0].length, marked });
  }
  return tokens;
}

/** Index of the first token of the best window: most distinct marked words, then most marks. */
function bestWindow(tokens: Token[], length: number): number {
  let best = 0;
  let bestScore = 0;
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.marked) continue;
    // Windows start LEAD characters before a marked word; `first` only moves forward.
    while (tokens[first]!.start < token.start - LEAD) first++;
    const limit = tokens[first]!.start + length;
    const distinct = new Set<string>();
    let count = 0;
    for (let j = first; j < tokens.length && tokens[j]!.end <= limit; j++) {
      const m = tokens[j]!.marked;
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
  if (!tokens.length) return escapeHtml(source.slice(0, length).trim());
  const first = bestWindow(tokens, length);
  const start = first === 0 ? 0 : tokens[first]!.start;
  let out = start > 0 ? '… ' : '';
  let cursor = start;
  let last = first;
  for (let j = first; j < tokens.length && tokens[j]!.end <= start + length; j++) {
    const token = tokens[j]!;
    last = j;
    if (!token.marked) continue;
    // Plain text is escaped in runs between marks, not word by word.
    out += escapeHtml(source.slice(cursor, token.start));
    out += `<mark>${escapeHtml(source.slice(token.start, token.end))}</mark>`;
    cursor = token.end;
  }
  const end = tokens[last]!.end;
  // Keep a closing punctuation mark right after the last word ("end." rather than "end …").
  const tail = /^[^\s\p{L}\p{N}]{1,2}/u.exec(source.slice(end))?.[0] ?? '';
  out += escapeHtml(source.slice(cursor, end) + tail);
  if (end + tail.length < text.trimEnd().length) out += ' …';
  return out;
}
