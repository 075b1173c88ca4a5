/**
 * Finds many known phrases (topic aliases, conference names, cities) in a text in one pass.
 * One big alternation regex is slow (every position tries every phrase), so phrases are
 * indexed by their first word: each word of the text looks up the few phrases that can start
 * there and tries their sticky regexes. Phrases that start with a non-Latin character
 * ("服务网格", ".NET") are few and share one regex.
 */
import {
  anySingle,
  type Best,
  CJK_START,
  type Compiled,
  HAS_CJK,
  hitOf,
  index,
  isSingle,
  longestFirst,
  MAX_REMEMBERED,
  outermost,
  tryOne,
} from './phrase-index.ts';
import { nextStart, type StartTable, startCandidates, startTable } from './phrase-starts.ts';
import { isWordCode, nextOpensWith, wordEnd, wordKeys } from './word-filter.ts';

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

export function phraseMatcher<T>(phrases: Phrase<T>[]): PhraseMatcher<T> {
  const { byTrigger, byFirstChar, restStart, westernStart } = index(phrases);
  // By the code of the character after the word, then by the word: no key string to build.
  const remembered = new Map<number, Map<string, Best | null>>();
  let rememberedCount = 0;
  const triggers = [...byTrigger.keys()];
  // By the id `keys` gives a trigger: a word is looked up without being sliced out.
  const lists = triggers.map((key) => byTrigger.get(key)!);
  const keys = wordKeys(triggers);
  // By id, whether the list holds a one-word phrase: told without a pass over the candidates.
  const singles = Uint8Array.from(lists, (list) => (list.some(isSingle) ? 1 : 0));
  const westernTable = startTable(westernStart, byFirstChar);
  const startsAt = startCandidates(byFirstChar);
  // A table with no start (most vocabularies) need not be read at every character.
  const walkStarts = westernTable?.candidates.size ? westernTable : null;
  function tryAt(text: string, at: number, candidates: readonly Compiled<T>[]): PhraseHit<T> | null {
    let best: Best | null = null;
    for (let order = 0; order < candidates.length; order++)
      best = tryOne(text, at, candidates[order]!, order, best);
    return hitOf(text, at, candidates, best);
  }

  /** The best one-word phrase at a word, remembered by the word and the character after it. */
  function bestSingle(text: string, at: number, word: string, candidates: readonly Compiled<T>[]) {
    const after = text.charCodeAt(at + word.length);
    let byWord = remembered.get(after);
    const known = byWord?.get(word);
    if (known !== undefined) return known;
    let best: Best | null = null;
    for (let order = 0; order < candidates.length; order++) {
      const c = candidates[order]!;
      if (c.single) best = tryOne(text, at, c, order, best);
    }
    if (rememberedCount++ >= MAX_REMEMBERED) {
      remembered.clear();
      rememberedCount = 1;
      byWord = undefined;
    }
    if (!byWord) {
      byWord = new Map();
      remembered.set(after, byWord);
    }
    byWord.set(word, best);
    return best;
  }

  /**
   * The word from `at` to `end` of `scan`, the text lower-cased when `lowered`, looked up in
   * `keys` already; `length` is that of its lower-cased form.
   */
  function atWord(
    text: string,
    scan: string,
    lowered: boolean,
    at: number,
    end: number,
    length: number,
  ): PhraseHit<T> | null {
    const candidates = candidatesOf(keys.found);
    if (!candidates) return null;
    // Only a key can be the first word of a candidate, so a word that is none is no first word.
    const own = keys.found[0]! >= 0 ? triggers[keys.found[0]!]! : null;
    // Most words that start a phrase start only longer ones ("a" of "A/B testing").
    let best = anySingle(singles, keys.found)
      ? bestSingle(text, at, text.slice(at, at + length), candidates)
      : null;
    for (let order = 0; order < candidates.length; order++) {
      const c = candidates[order]!;
      if (c.single) continue;
      if (c.second !== null && c.first === own) {
        if (!nextOpensWith(scan, lowered, end, c.second)) continue;
      }
      best = tryOne(text, at, c, order, best);
    }
    return hitOf(text, at, candidates, best);
  }

  /**
   * Phrases that may start at a word, by the ids of its keys: as written, singular ("meshes"
   * without "s" or "es"), or without a year suffix ("kubecon2019").
   */
  function candidatesOf(found: Int32Array): readonly Compiled<T>[] | null {
    let candidates: readonly Compiled<T>[] | null = null;
    for (let i = 0; i < found.length; i++) {
      const id = found[i]!;
      if (id < 0) continue;
      // A phrase listed twice is tried twice, harmlessly: the longest match wins either way.
      candidates = candidates ? candidates.concat(lists[id]!) : lists[id]!;
    }
    return candidates;
  }

  /**
   * Hits that start at a word of `scan`. Words are found by char codes and most are ruled out
   * by a hash of them: a slice and a map lookup per word cost more than the scan.
   */
  function wordHits(
    text: string,
    scan: string,
    lowered: boolean,
    starts: StartTable<T> | null,
    hits: PhraseHit<T>[],
  ): void {
    const length = scan.length;
    let at = 0;
    while (at < length) {
      const code = scan.charCodeAt(at);
      if (!isWordCode(code)) {
        // Below U+0250 a non-word character of `scan` is that of `text` (none other lower-cases
        // to it), so the table is read without reading `text`, often a slower concatenation.
        if (starts && (code >= 0x250 || starts.codes[code] === 1)) startHit(text, at, starts, hits);
        at++;
        continue;
      }
      const read = lowered ? keys.read(scan, at) : wordEnd(scan, at);
      const end = read < 0 ? -read : read;
      if (read > 0) {
        let length = end - at;
        if (!lowered) {
          const lower = scan.slice(at, end).toLowerCase();
          keys.lookUp(lower);
          length = lower.length;
        }
        const hit = atWord(text, scan, lowered, at, end, length);
        if (hit) hits.push(hit);
      }
      at = end;
    }
  }

  /** The hit of a phrase that opens with the non-word character at `at`, if any. */
  function startHit(text: string, at: number, starts: StartTable<T>, hits: PhraseHit<T>[]): void {
    const code = text.charCodeAt(at);
    if (code >= CJK_START || starts.codes[code] !== 1) return;
    const hit = tryAt(text, at, starts.candidates.get(code) ?? []);
    if (hit) hits.push(hit);
  }

  function find(text: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    // Lower-casing once is far cheaper than per word; rare characters change length when
    // lower-cased ("İ"), and then each word is lower-cased on its own instead.
    const lowered = text.toLowerCase();
    const scan = lowered.length === text.length ? lowered : text;
    const cjk = HAS_CJK.test(text);
    // Without CJK the other starts are found during the word walk, in text order: no sort.
    const inline = !cjk && westernTable !== null;
    wordHits(text, scan, scan === lowered, inline ? walkStarts : null, hits);
    if (inline) return outermost(hits);
    const starts = cjk ? restStart : westernStart;
    if (starts) {
      starts.lastIndex = 0;
      for (let at = nextStart(text, starts); at >= 0; at = nextStart(text, starts)) {
        const hit = tryAt(text, at, startsAt(text, at, starts.lastIndex));
        if (hit) hits.push(hit);
      }
    }
    return longestFirst(hits);
  }

  return { find };
}
