/**
 * Compiles the phrases of a matcher (see phrases.ts): one sticky regex per phrase, indexed by
 * the lower-cased words it may start with, plus what lets the matcher skip most regexes.
 */
import { mayFollow, mayOpenWith, openingParts } from './phrase-openings.ts';
import type { Phrase, PhraseHit } from './phrases.ts';

export { literalPrefix } from './phrase-openings.ts';

export const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F';
export const WORD = new RegExp(`[${WORD_CHAR}]+`, 'g');
const STARTS_WITH_WORD = new RegExp(`^[${WORD_CHAR}]`);
const ENDS_WITH_WORD = new RegExp(`[${WORD_CHAR}]$`);

export interface Compiled<T> {
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
  /**
   * The characters every match opens with (see `literalPrefix`): where the text does not, the
   * regex is not run.
   */
  prefix: string;
  /** The literal parts that follow the prefix behind optional separators (see `openingParts`). */
  rest: readonly string[] | null;
}

/** CJK radicals onwards: where the scripts without spaces between words start. */
export const CJK_START = 0x2e80;
export const HAS_CJK = /[\u2e80-\uffff]/;

const SINGLE_WORD = new RegExp(`^[${WORD_CHAR}]+$`);
/** Separators that never count as word characters, so words around them stay distinct runs. */
const PLAIN_SEPARATORS = /^[\s\-/.+&:_'’!#,]*$/;

function compileOne<T>(phrase: Phrase<T>): Compiled<T> {
  const words = phrase.phrase.toLowerCase().match(new RegExp(`[${WORD_CHAR}]+`, 'g')) ?? [];
  const between = phrase.phrase.replace(new RegExp(`[${WORD_CHAR}]+`, 'g'), '');
  const flags = phrase.caseSensitive ? 'uy' : 'iuy';
  const [prefix = '', ...rest] = openingParts(phrase.pattern);
  return {
    phrase,
    sticky: new RegExp(`(?:${phrase.pattern})${tail(phrase)}`, flags),
    first: words[0] ?? '',
    second: words.length > 1 && PLAIN_SEPARATORS.test(between) ? (words[1] ?? null) : null,
    single: SINGLE_WORD.test(phrase.phrase),
    prefix,
    rest: rest.length ? rest : null,
  };
}

function tail(phrase: Phrase<unknown>): string {
  if (!ENDS_WITH_WORD.test(phrase.phrase)) return '';
  return phrase.digitsMayFollow ? '(?![A-Za-z\\u00C0-\\u024F])' : `(?![${WORD_CHAR}])`;
}

/** A phrase's first character, lower-cased: the key of phrases that start with no Latin word. */
export function firstKey(text: string): string {
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

export function index<T>(phrases: Phrase<T>[]) {
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
  const western = others.filter((p) => (p.codePointAt(0) ?? 0) < CJK_START);
  return {
    byTrigger,
    byFirstChar,
    restStart: others.length ? firstCharPattern(others) : null,
    // Most texts have no CJK character at all: they are scanned for the few other starts only.
    westernStart: western.length ? firstCharPattern(western) : null,
  };
}

/** Keeps the longest of overlapping hits, in text order. */
export function longestFirst<T>(hits: PhraseHit<T>[]): PhraseHit<T>[] {
  return outermost([...hits].sort((a, b) => a.start - b.start || b.end - a.end));
}

/** Drops hits that start inside an earlier one, from hits sorted by start (longest first). */
export function outermost<T>(sorted: PhraseHit<T>[]): PhraseHit<T>[] {
  const kept: PhraseHit<T>[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.start < reach) continue;
    kept.push(hit);
    reach = hit.end;
  }
  return kept;
}

export const isSingle = (candidate: Compiled<unknown>) => candidate.single;

/** Whether any of the lists `found` names (ids, -1 for none) is marked in `singles`. */
export function anySingle(singles: Uint8Array, found: Int32Array): boolean {
  for (let i = 0; i < found.length; i++) if (found[i]! >= 0 && singles[found[i]!] === 1) return true;
  return false;
}

export interface Best {
  /** Position in the candidate list: of equally long matches, the first listed wins. */
  order: number;
  length: number;
}

/** The hit at `at` of the candidate `best` names, or null. */
export function hitOf<T>(
  text: string,
  at: number,
  candidates: readonly Compiled<T>[],
  best: Best | null,
): PhraseHit<T> | null {
  const found = best ? candidates[best.order] : undefined;
  if (!best || !found) return null;
  return {
    value: found.phrase.value,
    start: at,
    end: at + best.length,
    text: text.slice(at, at + best.length),
  };
}

/** Remembered one-word answers per matcher; cleared when full, so memory stays bounded. */
export const MAX_REMEMBERED = 20_000;

/** `best`, or the match of `candidate` at `at` when that one is longer (or as long and listed first). */
export function tryOne(
  text: string,
  at: number,
  candidate: Compiled<unknown>,
  order: number,
  best: Best | null,
): Best | null {
  const caseSensitive = candidate.phrase.caseSensitive;
  if (!mayOpenWith(text, at, candidate.prefix, caseSensitive)) return best;
  const rest = candidate.rest;
  if (rest !== null && !mayFollow(text, at + candidate.prefix.length, rest, caseSensitive)) return best;
  candidate.sticky.lastIndex = at;
  const length = candidate.sticky.exec(text)?.[0].length ?? -1;
  if (length < 0) return best;
  return !best || length > best.length || (length === best.length && order < best.order)
    ? { order, length }
    : best;
}
