/**
 * Finds many known phrases (topic aliases, conference names, cities) in a text in one pass.
 * One big alternation regex is slow (every position tries every phrase), so phrases are
 * indexed by their first word: each word of the text looks up the few phrases that can start
 * there and tries their sticky regexes. Phrases that start with a non-Latin character
 * ("服务网格", ".NET") are few and share one regex.
 */

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

const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F';
const WORD = new RegExp(`[${WORD_CHAR}]+`, 'g');
const STARTS_WITH_WORD = new RegExp(`^[${WORD_CHAR}]`);
const ENDS_WITH_WORD = new RegExp(`[${WORD_CHAR}]$`);

interface Compiled<T> {
  phrase: Phrase<T>;
  sticky: RegExp;
}

export interface PhraseMatcher<T> {
  find(text: string): PhraseHit<T>[];
}

function tail(phrase: Phrase<unknown>): string {
  if (!ENDS_WITH_WORD.test(phrase.phrase)) return '';
  return phrase.digitsMayFollow ? '(?![A-Za-z\\u00C0-\\u024F])' : `(?![${WORD_CHAR}])`;
}

function triggers(phrase: string): string[] {
  const words = phrase.toLowerCase().match(new RegExp(`[${WORD_CHAR}]+`, 'g')) ?? [];
  return [...new Set([words[0] ?? '', words.join('')])].filter(Boolean);
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

export function phraseMatcher<T>(phrases: Phrase<T>[]): PhraseMatcher<T> {
  const byTrigger = new Map<string, Compiled<T>[]>();
  const others: Phrase<T>[] = [];
  for (const phrase of phrases) {
    if (!STARTS_WITH_WORD.test(phrase.phrase)) {
      others.push(phrase);
      continue;
    }
    const flags = phrase.caseSensitive ? 'uy' : 'iuy';
    const compiled = { phrase, sticky: new RegExp(`(?:${phrase.pattern})${tail(phrase)}`, flags) };
    for (const key of triggers(phrase.phrase)) byTrigger.set(key, [...(byTrigger.get(key) ?? []), compiled]);
  }
  const rest = others.map((p) => ({
    phrase: p,
    sticky: new RegExp(`(?:${p.pattern})${tail(p)}`, p.caseSensitive ? 'uy' : 'iuy'),
  }));
  const firstChars = new Set(others.map((p) => p.phrase.toLowerCase()[0] ?? ''));

  function tryAt(text: string, index: number, candidates: Compiled<T>[]): PhraseHit<T> | null {
    let best: PhraseHit<T> | null = null;
    for (const { phrase, sticky } of candidates) {
      sticky.lastIndex = index;
      const match = sticky.exec(text);
      if (match && (!best || match[0].length > best.end - best.start))
        best = { value: phrase.value, start: index, end: index + match[0].length, text: match[0] };
    }
    return best;
  }

  function find(text: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (const word of text.matchAll(WORD)) {
      const lower = word[0].toLowerCase();
      const keys = new Set([
        lower,
        lower.replace(/s$/, ''),
        lower.replace(/es$/, ''),
        lower.replace(/\d+$/, ''),
      ]);
      const candidates = [...keys].flatMap((k) => byTrigger.get(k) ?? []);
      const hit = candidates.length ? tryAt(text, word.index, candidates) : null;
      if (hit) hits.push(hit);
    }
    if (rest.length) {
      for (let i = 0; i < text.length; i++) {
        if (!firstChars.has(text[i]?.toLowerCase() ?? '')) continue;
        const hit = tryAt(text, i, rest);
        if (hit) hits.push(hit);
      }
    }
    return longestFirst(hits);
  }

  return { find };
}
