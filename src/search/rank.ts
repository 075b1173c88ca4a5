/**
 * Ranking. FlexSearch matches a multi-word query only when every word sits in one field, and
 * merges fields by concatenation, so we ask it one word at a time over all fields and score
 * ourselves: per word, the best field weight (less for a prefix-only match); per talk, the
 * number of words matched first (a talk matching every word beats one matching some, whichever
 * fields they fall in), then the summed score. Words that match nothing are corrected against the vocabulary.
 */
import type { Document } from 'flexsearch';
import { type Encoders, FIELDS, type FieldName, type IndexedDoc } from './config.ts';
import { scoreShortField, spellingOf, wordMatch } from './field-score.ts';
import type { Scores } from './scores.ts';
import type { TalkTable } from './tables.ts';

/**
 * Every match of a word in a field: ranking is ours and totals must be exact, so FlexSearch is
 * never asked to cut (its per-field order would decide which talks are left out).
 */
const CANDIDATE_LIMIT = 1 << 30;
/** A corrected word counts this much of a correctly typed one. */
const CORRECTION_FACTOR = 0.8;
/** Below this many matching talks a query is offered a corrected spelling. */
const FEW_RESULTS = 3;

export interface RankContext {
  doc: Document<IndexedDoc>;
  encoders: Encoders;
  table: TalkTable;
  scores: Scores;
  /** The encoded words of a talk's short fields (short-fields.ts); undefined for a retired number. */
  encoded(num: number): string | undefined;
}

export interface Ranking {
  /** Every matching talk, unordered; ctx.scores orders them (Scores.top). */
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

/**
 * Offers each talk's best score for one word to ctx.scores. A notes match is worth the notes
 * weight whatever the talk, so the (many) notes matches cost one array write each.
 */
export function scoreWord(ctx: RankContext, word: string): void {
  const groups = searchField(ctx, word);
  const spelling = spellingOf(word);
  for (const { field, result } of groups) {
    const config = FIELDS.find((f) => f.field === field);
    if (!config) continue;
    if (config.field === 'notes') {
      for (const num of result) if (ctx.table.get(num)) ctx.scores.offer(num, config.weight);
      continue;
    }
    scoreShortField(ctx, config, wordMatch(ctx, config, word), spelling, result);
  }
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
  const allStop = words.every((w) => isStopWord(ctx, w));
  ctx.scores.reset(ctx.table.next);
  for (const word of words) {
    scoreWord(ctx, word);
    const stop = isStopWord(ctx, word);
    const counts = allStop || !stop;
    matchedWords.push(word);
    if (ctx.scores.endWord(counts) > 0 || stop) continue;
    const fixed = ctx.table.vocabulary.correct(word);
    if (!fixed) continue;
    corrections.set(word, fixed);
    matchedWords.push(fixed);
    scoreWord(ctx, fixed);
    ctx.scores.endWord(counts, CORRECTION_FACTOR);
  }
  const nums = ctx.scores.candidates;
  if (nums.length < FEW_RESULTS) offerSpellings(ctx, words, corrections);
  return { nums, matchedWords, corrections };
}

/** Few results: suggest corrections for unknown words even when they matched something (as a prefix). */
function offerSpellings(ctx: RankContext, words: string[], corrections: Map<string, string>): void {
  for (const word of words) {
    if (corrections.has(word) || isStopWord(ctx, word)) continue;
    const fixed = ctx.table.vocabulary.correct(word);
    if (fixed) corrections.set(word, fixed);
  }
}
