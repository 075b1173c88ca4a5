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
  /** Its first word, lower-cased. */
  first: string;
  /**
   * For a phrase of several words, its second word lower-cased: where the text's word equals
   * the first one, the next word of the text must start with it, which is cheaper to check
   * than the regex.
   */
  second: string | null;
  /**
   * A one-word phrase: its match at a word depends only on that word and the character after
   * it (patterns never reach further), so the answer can be remembered.
   */
  single: boolean;
}

export interface PhraseMatcher<T> {
  find(text: string): PhraseHit<T>[];
}

const SINGLE_WORD = new RegExp(`^[${WORD_CHAR}]+$`);
/** Separators that never count as word characters, so words around them stay distinct runs. */
const PLAIN_SEPARATORS = /^[\s\-/.+&:_'’!#,]*$/;

function compileOne<T>(phrase: Phrase<T>): Compiled<T> {
  const words = phrase.phrase.toLowerCase().match(new RegExp(`[${WORD_CHAR}]+`, 'g')) ?? [];
  const between = phrase.phrase.replace(new RegExp(`[${WORD_CHAR}]+`, 'g'), '');
  const flags = phrase.caseSensitive ? 'uy' : 'iuy';
  return {
    phrase,
    sticky: new RegExp(`(?:${phrase.pattern})${tail(phrase)}`, flags),
    first: words[0] ?? '',
    second: words.length > 1 && PLAIN_SEPARATORS.test(between) ? (words[1] ?? null) : null,
    single: SINGLE_WORD.test(phrase.phrase),
  };
}

function tail(phrase: Phrase<unknown>): string {
  if (!ENDS_WITH_WORD.test(phrase.phrase)) return '';
  return phrase.digitsMayFollow ? '(?![A-Za-z\\u00C0-\\u024F])' : `(?![${WORD_CHAR}])`;
}

/** Lower-case keys besides the word itself under which a phrase starting here may be indexed. */
function variants(lower: string): string[] {
  const out: string[] = [];
  const last = lower.charCodeAt(lower.length - 1);
  if (last === 115 /* s */ && lower.length > 1) {
    out.push(lower.slice(0, -1));
    if (lower.endsWith('es') && lower.length > 2) out.push(lower.slice(0, -2));
  } else if (last >= 48 && last <= 57) {
    const stripped = lower.replace(/\d+$/, '');
    if (stripped) out.push(stripped);
  }
  return out;
}

/** A phrase's first character, lower-cased: the key of phrases that start with no Latin word. */
function firstKey(text: string): string {
  return String.fromCodePoint(text.codePointAt(0) ?? 0).toLowerCase();
}

function firstCharPattern(phrases: readonly string[]): RegExp {
  const keys = phrases.map(firstKey).filter(Boolean);
  // Both cases spelled out: a case-insensitive Unicode class scans several times slower.
  const chars = new Set(keys.flatMap((c) => [c, c.toUpperCase()]));
  const escaped = [...chars].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  return new RegExp(`[${escaped}]`, 'gu');
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

interface Best {
  /** Position in the candidate list: of equally long matches, the first listed wins. */
  order: number;
  length: number;
}

/** Remembered one-word answers per matcher; cleared when full, so memory stays bounded. */
const MAX_REMEMBERED = 20_000;

function longer(best: Best | null, order: number, length: number): boolean {
  return !best || length > best.length || (length === best.length && order < best.order);
}

function index<T>(phrases: Phrase<T>[]) {
  const byTrigger = new Map<string, Compiled<T>[]>();
  // Phrases that open with a non-Latin character ("服务网格", ".NET"), by their first character.
  const byFirstChar = new Map<string, Compiled<T>[]>();
  for (const phrase of phrases) {
    const compiled = compileOne(phrase);
    const keys = STARTS_WITH_WORD.test(phrase.phrase) ? triggers(phrase.phrase) : [];
    for (const key of keys) byTrigger.set(key, [...(byTrigger.get(key) ?? []), compiled]);
    if (keys.length) continue;
    const key = firstKey(phrase.phrase);
    byFirstChar.set(key, [...(byFirstChar.get(key) ?? []), compiled]);
  }
  const others = phrases.filter((p) => !STARTS_WITH_WORD.test(p.phrase)).map((p) => p.phrase);
  // One scan of the text finds where those may start.
  return { byTrigger, byFirstChar, restStart: others.length ? firstCharPattern(others) : null };
}

export function phraseMatcher<T>(phrases: Phrase<T>[]): PhraseMatcher<T> {
  const { byTrigger, byFirstChar, restStart } = index(phrases);
  const remembered = new Map<string, Best | null>();
  const wordPattern = new RegExp(WORD.source, 'g');
  const nextWordPattern = new RegExp(`[^${WORD_CHAR}]*([${WORD_CHAR}]+)`, 'y');

  function tryAt(text: string, at: number, candidates: readonly Compiled<T>[]): PhraseHit<T> | null {
    let best: Best | null = null;
    candidates.forEach((c, order) => {
      c.sticky.lastIndex = at;
      const length = c.sticky.exec(text)?.[0].length ?? -1;
      if (length >= 0 && longer(best, order, length)) best = { order, length };
    });
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
    candidates.forEach((c, order) => {
      if (!c.single) return;
      c.sticky.lastIndex = at;
      const length = c.sticky.exec(text)?.[0].length ?? -1;
      if (length >= 0 && longer(best, order, length)) best = { order, length };
    });
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, best);
    return best;
  }

  /** `lower` is the text lower-cased, with the same indices; `next` reads the following word. */
  function atWord(text: string, at: number, lower: string, next: () => string): PhraseHit<T> | null {
    const candidates = candidatesOf(lower);
    if (!candidates) return null;
    let best = bestSingle(text, at, text.slice(at, at + lower.length), candidates);
    let nextWord: string | null = null;
    candidates.forEach((c, order) => {
      if (c.single) return;
      if (c.second !== null && c.first === lower) {
        nextWord ??= next();
        if (!nextWord.startsWith(c.second)) return;
      }
      c.sticky.lastIndex = at;
      const length = c.sticky.exec(text)?.[0].length ?? -1;
      if (length >= 0 && longer(best, order, length)) best = { order, length };
    });
    return hitOf(text, at, candidates, best);
  }

  /** Phrases that may start at a word: as written, singular ("meshes"), or without a year suffix. */
  function candidatesOf(lower: string): readonly Compiled<T>[] | null {
    let found = byTrigger.get(lower) ?? null;
    for (const key of variants(lower)) {
      const more = byTrigger.get(key);
      // A phrase listed twice is tried twice, harmlessly: the longest match wins either way.
      if (more) found = found ? found.concat(more) : more;
    }
    return found;
  }

  function find(text: string): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    // Lower-casing once is far cheaper than per word; rare characters change length when
    // lower-cased ("İ"), and then each word is lower-cased on its own instead.
    const lowered = text.toLowerCase();
    const scan = lowered.length === text.length ? lowered : text;
    // The regexes are reused: find() runs to completion, and building them costs more than the scan.
    const pattern = wordPattern;
    pattern.lastIndex = 0;
    for (let word = pattern.exec(scan); word; word = pattern.exec(scan)) {
      const end = pattern.lastIndex;
      const next = () => {
        nextWordPattern.lastIndex = end;
        return nextWordPattern.exec(scan)?.[1]?.toLowerCase() ?? '';
      };
      const hit = atWord(text, word.index, scan === text ? word[0].toLowerCase() : word[0], next);
      if (hit) hits.push(hit);
    }
    if (restStart) {
      const starts = restStart;
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
