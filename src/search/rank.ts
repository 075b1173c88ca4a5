/**
 * Ranking. FlexSearch matches a multi-word query only when every word sits in one field, and
 * merges fields by concatenation, so we ask it one word at a time over all fields and score
 * ourselves: per word, the best field weight (a little less further down FlexSearch's own
 * order, and less for a prefix-only match); per talk, the number of words matched first (a
 * talk matching every word beats one matching some, whichever fields they fall in), then the
 * summed score. Words that match nothing are corrected against the vocabulary.
 */
import type { Document } from 'flexsearch';
import { type Encoders, FIELDS, type FieldConfig, type FieldName, type IndexedDoc } from './config.ts';
import { correctWord } from './fuzzy.ts';
import { foldWords } from './query.ts';
import { compareNewest, type TalkTable } from './tables.ts';

/** Per field and word; far above any archive's matches for one word in one field. */
const CANDIDATE_LIMIT = 10_000;
/** How much a long field lowers a score compared with a one-word field. */
const FOCUS_SPREAD = 0.2;
/** A forward field matched only through a prefix ("kube" in "Kubernetes") counts this much. */
const PREFIX_FACTOR = 0.7;
/** A match in a short field by sound only (the words are spelled differently) counts this much. */
const SOUND_FACTOR = 0.15;
/** A corrected word counts this much of a correctly typed one. */
const CORRECTION_FACTOR = 0.8;
/** Below this many matching talks a query is offered a corrected spelling. */
const FEW_RESULTS = 3;

export interface RankContext {
  doc: Document<IndexedDoc>;
  encoders: Encoders;
  table: TalkTable;
  /** The encoded words of a short field of a talk; undefined for notes. */
  encoded(num: number, field: FieldName): Set<string> | undefined;
}

export interface Ranking {
  nums: number[];
  /** The words that matched, including corrections: what snippets mark. */
  matchedWords: string[];
  /** word as typed -> correction, for "did you mean". */
  corrections: Map<string, string>;
}

function searchField(ctx: RankContext, word: string): { field: FieldName; result: number[] }[] {
  try {
    const groups = ctx.doc.search(word, { limit: CANDIDATE_LIMIT }) as unknown as {
      field: FieldName;
      result: number[];
    }[];
    return groups;
  } catch {
    // FlexSearch can throw on emptied posting slots (see docs/architecture.md): treat as no match.
    return [];
  }
}

/** Best score per talk for one word. */
export function scoreWord(ctx: RankContext, word: string): Map<number, number> {
  const scores = new Map<number, number>();
  for (const { field, result } of searchField(ctx, word)) {
    const config = FIELDS.find((f) => f.field === field);
    if (!config) continue;
    const encoded = ctx.encoders[config.encoder].encode(word);
    const pieces = literalPieces(word);
    for (const num of result) {
      let score = fieldScore(ctx, num, config, encoded);
      if (score !== null && config.field !== 'notes' && !spelledAsTyped(ctx, num, pieces))
        score *= SOUND_FACTOR;
      if (score !== null && score > (scores.get(num) ?? 0)) scores.set(num, score);
    }
  }
  return scores;
}

/** The letters-and-digits pieces of a word that the vocabulary can hold (3 letters or more). */
function literalPieces(word: string): string[] {
  return foldWords(word).filter((piece) => piece.length >= 3);
}

/**
 * True when the talk's short fields hold the word as typed (or a word starting with it): the
 * phonetic encoder also matches words that only sound alike ("jsx" and "Node.js" both encode to
 * "ks"), and those should not outrank a talk whose notes have the very word.
 */
function spelledAsTyped(ctx: RankContext, num: number, pieces: string[]): boolean {
  const words = ctx.table.byNum.get(num)?.words;
  if (!words || !pieces.length) return true;
  return pieces.every((piece) => words.some((w) => w.startsWith(piece)));
}

/**
 * How well one field of one talk matches, computed from the talk itself rather than from
 * FlexSearch's order (which for equal positions is insertion order, so it would depend on the
 * index's history). Short fields: a whole-word match beats a prefix match, and a short field
 * (a title of three words) beats a long one. Notes: their weight alone.
 */
function fieldScore(ctx: RankContext, num: number, config: FieldConfig, encoded: string[]): number | null {
  const tokens = ctx.encoded(num, config.field);
  if (!tokens) return config.weight;
  const whole = encoded.every((t) => tokens.has(t));
  // A prefix of one encoded letter ("zzz" encodes to "s") says nothing: not a match.
  if (!whole && config.tokenize === 'forward' && Math.max(...encoded.map((t) => t.length)) < 2) return null;
  const focus = 1 - FOCUS_SPREAD + FOCUS_SPREAD / Math.sqrt(Math.max(1, tokens.size));
  return config.weight * focus * (whole ? 1 : PREFIX_FACTOR);
}

/**
 * Words the text encoder drops ("the", "of", but also "go") still match names and topics
 * ("Go"), so they add to the score; they count towards coverage only when the query has
 * nothing else.
 */
function isStopWord(ctx: RankContext, word: string): boolean {
  return ctx.encoders.text.encode(word).length === 0;
}

export function rankQuery(ctx: RankContext, words: string[]): Ranking {
  const matchedWords: string[] = [];
  const corrections = new Map<string, string>();
  const perWord: WordScores[] = [];
  const allStop = words.every((w) => isStopWord(ctx, w));
  for (const word of words) {
    let scores = scoreWord(ctx, word);
    const stop = isStopWord(ctx, word);
    matchedWords.push(word);
    if (scores.size === 0 && !stop) {
      const fixed = correctWord(word, ctx.table.vocabulary);
      if (fixed) {
        corrections.set(word, fixed);
        matchedWords.push(fixed);
        scores = new Map([...scoreWord(ctx, fixed)].map(([n, s]) => [n, s * CORRECTION_FACTOR]));
      }
    }
    perWord.push({ scores, counts: allStop || !stop });
  }
  const nums = combine(ctx.table, perWord);
  if (nums.length < FEW_RESULTS) offerSpellings(ctx, words, corrections);
  return { nums, matchedWords, corrections };
}

/** Few results: suggest corrections for unknown words even when they matched something (as a prefix). */
function offerSpellings(ctx: RankContext, words: string[], corrections: Map<string, string>): void {
  for (const word of words) {
    if (corrections.has(word) || isStopWord(ctx, word)) continue;
    const fixed = correctWord(word, ctx.table.vocabulary);
    if (fixed) corrections.set(word, fixed);
  }
}

interface WordScores {
  scores: Map<number, number>;
  /** False for stop words: they add to the score, not to the number of words matched. */
  counts: boolean;
}

function combine(table: TalkTable, perWord: WordScores[]): number[] {
  const totals = new Map<number, { coverage: number; score: number }>();
  for (const { scores, counts } of perWord) {
    for (const [num, score] of scores) {
      const entry = totals.get(num) ?? { coverage: 0, score: 0 };
      if (counts) entry.coverage++;
      entry.score += score;
      totals.set(num, entry);
    }
  }
  const ranked = [...totals.entries()].filter(([num]) => table.byNum.has(num));
  ranked.sort(([na, a], [nb, b]) => {
    if (a.coverage !== b.coverage) return b.coverage - a.coverage;
    if (Math.abs(a.score - b.score) > 1e-9) return b.score - a.score;
    return compareNewest(table.byNum.get(na)!.talk, table.byNum.get(nb)!.talk);
  });
  return ranked.map(([num]) => num);
}
