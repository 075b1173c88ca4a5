/**
 * Finds many known phrases (topic aliases, conference names, cities) in a text in one pass.
 * One big alternation regex is slow (every position tries every phrase), so phrases are
 * indexed by their first word: each word of the text looks up the few phrases that can start
 * there and tries their sticky regexes. Phrases that start with a non-Latin character
 * ("服务网格", ".NET") are few and share one regex.
 */
import { type Compiled, firstKey, HAS_CJK, index, mayOpenWith, variants } from './phrase-index.ts';
import { isWordCode, wordEnd, wordFilter } from './word-filter.ts';

export interface Phrase<T> {
  /** The phrase as written in the data, "Service mesh". */
  phrase: string;
  /** Regex source for its body: how words may be separated, optional plural... */
  pattern: string;
  caseSensitive: boolean;
  /** Digits may follow without a break, as in "SRECon18" or "dotJS2017". */
  digitsMayFollow?: boolean;
  value: T;
}

export interface PhraseHit<T> {
  value: T;
  start: number;
  end: number;
  text: string;
}

export interface PhraseMatcher<T> {
  find(text: string): PhraseHit<T>[];
}

/** Keeps the longest of overlapping hits, in text order. */
export function longestFirst<T>(hits: PhraseHit<T>[]): PhraseHit<T>[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseHit<T>[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.start < reach) continue;
    kept.push(hit);
    reach = hit.end;
  }
  return kept;
}

const isSingle = (candidate: Compiled<unknown>) => candidate.single;

interface Best {
  /** Position in the candidate list: of equally long matches, the first listed wins. */
  order: number;
  length: number;
}

/** Remembered one-word answers per matcher; cleared when full, so memory stays bounded. */
const MAX_REMEMBERED = 20_000;

/** `best`, or the match of `candidate` at `at` when that one is longer (or as long and listed first). */
function tryOne(
  text: string,
  at: number,
  candidate: Compiled<unknown>,
  order: number,
  best: Best | null,
): Best | null {
  if (!mayOpenWith(text, at, candidate.prefix, candidate.phrase.caseSensitive)) return best;
  candidate.sticky.lastIndex = at;
  const length = candidate.sticky.exec(text)?.[0].length ?? -1;
  if (length < 0) return best;
  return !best || length > best.length || (length === best.length && order < best.order)
    ? { order, length }
    : best;
}

export function phraseMatcher<T>(phrases: Phrase<T>[]): PhraseMatcher<T> {
  const { byTrigger, byFirstChar, restStart, westernStart } = index(phrases);
  const remembered = new Map<string, Best | null>();
  const mayStart = wordFilter(byTrigger.keys());
  function tryAt(text: string, at: number, candidates: readonly Compiled<T>[]): PhraseHit<T> | null {
    let best: Best | null = null;
    for (let order = 0; order < candidates.length; order++)
      best = tryOne(text, at, candidates[order]!, order, best);
    return hitOf(text, at, candidates, best);
  }

  function hitOf(text: string, at: number, candidates: readonly Compiled<T>[], best: Best | null) {
    const found = best ? candidates[best.order] : undefined;
    if (!best || !found) return null;
    return {
      value: found.phrase.value,
      start: at,
      end: at + best.length,
      text: text.slice(at, at + best.length),
    };
  }

  /** The best one-word phrase at a word, remembered by the word and the character after it. */
  function bestSingle(text: string, at: number, word: string, candidates: readonly Compiled<T>[]) {
    const key = `${word}\u0000${text[at + word.length] ?? ''}`;
    const known = remembered.get(key);
    if (known !== undefined) return known;
    let best: Best | null = null;
    for (let order = 0; order < candidates.length; order++) {
      const c = candidates[order]!;
      if (c.single) best = tryOne(text, at, c, order, best);
    }
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, best);
    return best;
  }

  /** The lower-cased word after the one that ends at `end`. */
  function nextWord(scan: string, end: number): string {
    let at = end;
    while (at < scan.length && !isWordCode(scan.charCodeAt(at))) at++;
    let stop = at;
    while (stop < scan.length && isWordCode(scan.charCodeAt(stop))) stop++;
    return scan.slice(at, stop).toLowerCase();
  }

  /** The word `lower` spans `at` to `end`; `scan` is the text lower-cased, at the same indices. */
  function atWord(text: string, scan: string, at: number, end: number, lower: string): PhraseHit<T> | null {
    const candidates = candidatesOf(lower);
    if (!candidates) return null;
    // Most words that start a phrase start only longer ones ("a" of "A/B testing").
    let best = candidates.some(isSingle)
      ? bestSingle(text, at, text.slice(at, at + lower.length), candidates)
      : null;
    let next: string | null = null;
    for (let order = 0; order < candidates.length; order++) {
      const c = candidates[order]!;
      if (c.single) continue;
      if (c.second !== null && c.first === lower) {
        next ??= nextWord(scan, end);
        if (!next.startsWith(c.second)) continue;
      }
      best = tryOne(text, at, c, order, best);
    }
    return hitOf(text, at, candidates, best);
  }

  /** Phrases that may start at a word: as written, singular ("meshes"), or without a year suffix. */
  function candidatesOf(lower: string): readonly Compiled<T>[] | null {
    const found = byTrigger.get(lower) ?? null;
    const last = lower.charCodeAt(lower.length - 1);
    // Most words end in neither "s" nor a digit: they have no variant to look up.
    if (last !== 115 && (last < 48 || last > 57)) return found;
    let all = found;
    for (const key of variants(lower)) {
      const more = byTrigger.get(key);
      // A phrase listed twice is tried twice, harmlessly: the longest match wins either way.
      if (more) all = all ? all.concat(more) : more;
    }
    return all;
  }

  /**
   * Hits that start at a word of `scan`. Words are found by char codes and most are ruled out
   * before being sliced: a regex match and a map lookup per word cost more than the scan.
   */
  function wordHits(text: string, scan: string, lowered: boolean, hits: PhraseHit<T>[]): void {
    const length = scan.length;
    let at = 0;
    while (at < length) {
      if (!isWordCode(scan.charCodeAt(at))) {
        at++;
        continue;
      }
      const read = lowered ? mayStart(scan, at) : wordEnd(scan, at);
      const end = read < 0 ? -read : read;
      if (read > 0) {
        const word = scan.slice(at, end);
        const hit = atWord(text, scan, at, end, lowered ? word : word.toLowerCase());
        if (hit) hits.push(hit);
      }
      at = end;
    }
  }

  function find(text: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    // Lower-casing once is far cheaper than per word; rare characters change length when
    // lower-cased ("İ"), and then each word is lower-cased on its own instead.
    const lowered = text.toLowerCase();
    const scan = lowered.length === text.length ? lowered : text;
    wordHits(text, scan, scan === lowered, hits);
    const starts = HAS_CJK.test(text) ? restStart : westernStart;
    if (starts) {
      starts.lastIndex = 0;
      for (let at = starts.exec(text); at; at = starts.exec(text)) {
        const hit = tryAt(text, at.index, byFirstChar.get(firstKey(at[0])) ?? []);
        if (hit) hits.push(hit);
      }
    }
    return longestFirst(hits);
  }

  return { find };
}
