/**
 * Ranking. FlexSearch matches a multi-word query only when every word sits in one field, and
 * merges fields by concatenation, so we ask it one word at a time over all fields and score
 * ourselves: per word, the best field weight (less for a prefix-only match); per talk, the
 * number of words matched first (a talk matching every word beats one matching some, whichever
 * fields they fall in), then the summed score. Words that match nothing are corrected against the vocabulary.
 */
import type { Document } from 'flexsearch';
import { type Encoders, FIELDS, type FieldConfig, type FieldName, type IndexedDoc } from './config.ts';
import { foldWords } from './query.ts';
import type { Scores } from './scores.ts';
import { holdsWhole, type ShortSlot, shortSlot, tokenCount } from './short-fields.ts';
import type { TalkTable } from './tables.ts';

/**
 * Every match of a word in a field: ranking is ours and totals must be exact, so FlexSearch is
 * never asked to cut (its per-field order would decide which talks are left out).
 */
const CANDIDATE_LIMIT = 1 << 30;
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
  // Each piece after a space: a word of the talk starts with it (see TalkRecord.words).
  const pieces = literalPieces(word).map((piece) => ` ${piece}`);
  for (const { field, result } of groups) {
    const config = FIELDS.find((f) => f.field === field);
    if (!config) continue;
    if (config.field === 'notes') {
      for (const num of result) if (ctx.table.get(num)) ctx.scores.offer(num, config.weight);
      continue;
    }
    const encoded = ctx.encoders[config.encoder].encode(word);
    const padded = encoded.map((t) => ` ${t} `);
    const match = { slot: shortSlot(field)!, padded, tiny: !encoded.some((t) => t.length >= 2) };
    const best = ctx.scores.word;
    for (const num of result) {
      // A field scores at most its weight: a talk whose best for this word is already that
      // high is left as it is (offer would keep the old best anyway).
      if (best[num]! >= config.weight) continue;
      const record = ctx.table.get(num);
      if (!record) continue;
      let score = fieldScore(ctx, num, config, match);
      if (score === null || score <= best[num]!) continue;
      if (!spelledAsTyped(record.words, pieces)) score *= SOUND_FACTOR;
      ctx.scores.offer(num, score);
    }
  }
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
function spelledAsTyped(words: string, pieces: string[]): boolean {
  if (!words) return true;
  for (const piece of pieces) if (!words.includes(piece)) return false;
  return true;
}

/** A query word as one short field's encoder sees it. */
interface WordMatch {
  slot: ShortSlot;
  /** No encoded token has two letters or more. */
  tiny: boolean;
  /** Each encoded token with a space on both sides, as short-fields.ts stores them. */
  padded: string[];
}

/**
 * How well one field of one talk matches, computed from the talk itself rather than from
 * FlexSearch's order (which for equal positions is insertion order, so it would depend on the
 * index's history). Short fields: a whole-word match beats a prefix match, and a short field
 * (a title of three words) beats a long one. Notes: their weight alone.
 */
function fieldScore(ctx: RankContext, num: number, config: FieldConfig, match: WordMatch): number | null {
  const fields = ctx.encoded(num);
  if (!fields) return config.weight;
  const { slot, tiny, padded } = match;
  const whole = holdsWhole(fields, slot, padded);
  const size = tokenCount(fields, slot);
  // A prefix of one encoded letter ("zzz" encodes to "s") says nothing: not a match.
  if (!whole && tiny && config.tokenize === 'forward') return null;
  const focus = 1 - FOCUS_SPREAD + FOCUS_SPREAD / Math.sqrt(Math.max(1, size));
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
