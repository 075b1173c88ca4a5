/**
 * Turns whatever a user typed into words and quoted phrases. Any input is accepted: it is cut
 * to MAX_QUERY_LENGTH, control and format characters become spaces, and at most MAX_WORDS
 * words are kept, so a query's cost is bounded whatever it contains.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_WORDS = 12;

export interface ParsedQuery {
  /** The cleaned query, as echoed back in results. */
  text: string;
  /** Distinct words, in order, lowercased. */
  words: string[];
  /** Quoted phrases, each as its words (lowercase, accent-free). */
  phrases: string[][];
}

const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

export function cleanQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : '';
  return text
    .slice(0, MAX_QUERY_LENGTH * 2)
    .normalize('NFKC')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** Lowercase, accent-free words: how phrases are compared with a talk's text. */
export function foldWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().match(WORD) ?? [];
}

/** Lowercases and strips the punctuation a word picks up in a sentence, keeping c++ and c#. */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}@.#]+/u, '')
    .replace(/[^\p{L}\p{N}+#]+$/u, '');
}

export function parseQuery(raw: unknown): ParsedQuery {
  const text = cleanQuery(raw);
  const phrases: string[][] = [];
  for (const match of text.matchAll(/"([^"]+)"/g)) {
    const words = foldWords(match[1] ?? '');
    if (words.length > 1) phrases.push(words);
  }
  const words: string[] = [];
  for (const piece of text.replace(/"/g, ' ').split(' ')) {
    const word = normalizeWord(piece);
    if (word && !words.includes(word) && words.length < MAX_WORDS) words.push(word);
  }
  return { text, words, phrases };
}

/** True when the words of `phrase` appear next to each other, in order, in `haystack`. */
export function containsPhrase(haystack: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** The query with each corrected word replaced, or null when nothing was corrected. */
export function suggestion(parsed: ParsedQuery, corrections: ReadonlyMap<string, string>): string | null {
  if (!corrections.size) return null;
  const pieces = parsed.text.split(' ').map((piece) => {
    const word = normalizeWord(piece.replace(/"/g, ''));
    const fixed = corrections.get(word);
    const at = piece.toLowerCase().indexOf(word);
    return fixed && at >= 0 ? piece.slice(0, at) + fixed + piece.slice(at + word.length) : piece;
  });
  const text = pieces.join(' ');
  return text.toLowerCase() === parsed.text.toLowerCase() ? null : text;
}
