/**
 * Compiles the phrases of a matcher (see phrases.ts): one sticky regex per phrase, indexed by
 * the lower-cased words it may start with, plus what lets the matcher skip most regexes.
 */
import type { Phrase, PhraseHit } from './phrases.ts';

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
}

/** CJK radicals onwards: where the scripts without spaces between words start. */
export const CJK_START = 0x2e80;
export const HAS_CJK = /[\u2e80-\uffff]/;

const SINGLE_WORD = new RegExp(`^[${WORD_CHAR}]+$`);
/** Separators that never count as word characters, so words around them stay distinct runs. */
const PLAIN_SEPARATORS = /^[\s\-/.+&:_'’!#,]*$/;

/** Characters with a meaning in a pattern; any other, "/" included, stands for itself. */
const SYNTAX = '^$\\.*+?()[]{}|';
/** Characters that stand for themselves when escaped: the syntax ones, and "/" ("A\\/B"). */
const ESCAPABLE = `${SYNTAX}/`;

/**
 * The text every match of `pattern` opens with: its leading characters up to the first class,
 * group, anchor or quantified character ("\\.NET[\\s-]?Core" gives ".NET"). A pattern with an
 * alternation gives none, as do surrogates (a quantifier after one applies to the pair).
 */
export function literalPrefix(pattern: string): string {
  if (pattern.includes('|')) return '';
  let prefix = '';
  for (let i = 0; i < pattern.length; ) {
    const escaped = pattern[i] === '\\';
    const char = escaped ? (pattern[i + 1] ?? '') : pattern[i]!;
    // Escaped, only a syntax character stands for itself ("\\." is a dot, "\\d" a class).
    if (escaped ? !ESCAPABLE.includes(char) : SYNTAX.includes(char)) break;
    const code = char.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) break;
    const next = i + (escaped ? 2 : 1);
    if (next < pattern.length && '?*+{'.includes(pattern[next]!)) break;
    prefix += char;
    i = next;
  }
  return prefix;
}

/**
 * Whether the text at `at` may open with `prefix`: false only when no match can start there.
 * Ignoring case, ASCII letters are compared by hand and anything else is left to the regex
 * (Unicode case folding pairs "k" with the Kelvin sign, for one).
 */
export function mayOpenWith(text: string, at: number, prefix: string, caseSensitive: boolean): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const t = text.charCodeAt(at + i);
    const p = prefix.charCodeAt(i);
    if (t === p) continue;
    // Past the end of the text (NaN), or a different character where case counts.
    if (Number.isNaN(t) || caseSensitive) return false;
    if (t >= 128 || p >= 128) return true;
    const lower = p | 32;
    if (lower < 97 || lower > 122 || (t | 32) !== lower) return false;
  }
  return true;
}

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
    prefix: literalPrefix(phrase.pattern),
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
  if (!mayOpenWith(text, at, candidate.prefix, candidate.phrase.caseSensitive)) return best;
  candidate.sticky.lastIndex = at;
  const length = candidate.sticky.exec(text)?.[0].length ?? -1;
  if (length < 0) return best;
  return !best || length > best.length || (length === best.length && order < best.order)
    ? { order, length }
    : best;
}
