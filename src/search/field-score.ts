/**
 * The score of one word in one short field of each matching talk: the field's weight, lower
 * for a prefix-only match in a forward field, slightly lower in a long field, and much lower
 * in a field that only sounds like the word. Computed from the talk itself (its encoded short
 * fields and vocabulary words), never from FlexSearch's order; the quick tests of
 * short-hashes.ts answer most checks without reading the talk's strings.
 */
import type { FieldConfig } from './config.ts';
import { foldWords } from './query.ts';
import type { RankContext } from './rank.ts';
import { holdsWhole, type ShortSlot, shortSlot, tokenCount } from './short-fields.ts';
import { hash16, PIECE, ShortHashes, UNKNOWN } from './short-hashes.ts';
import type { TalkTable } from './tables.ts';

/** How much a long field lowers a score compared with a one-word field. */
const FOCUS_SPREAD = 0.2;
/** A forward field matched only through a prefix ("kube" in "Kubernetes") counts this much. */
const PREFIX_FACTOR = 0.7;
/** A match in a short field by sound only (the words are spelled differently) counts this much. */
const SOUND_FACTOR = 0.15;

/** The quick tests in front of the string checks, one set per table (short-hashes.ts). */
const HASHES = new WeakMap<TalkTable, ShortHashes>();

function hashesOf(table: TalkTable): ShortHashes {
  let hashes = HASHES.get(table);
  if (!hashes) {
    hashes = new ShortHashes(table);
    HASHES.set(table, hashes);
  }
  return hashes;
}

/** Computes a talk's quick tests before a query needs them (after a load, in the background). */
export function prepareHashes(table: TalkTable, num: number, encoded: string, words: string): void {
  const hashes = hashesOf(table);
  if (hashes.find(num) === UNKNOWN) hashes.add(num, encoded, words);
}

/**
 * A word as typed, checked against a talk's vocabulary words: the phonetic encoder also matches
 * words that only sound alike ("jsx" and "Node.js" both encode to "ks"), and those should not
 * outrank a talk whose notes have the very word. Spelled as typed: each piece starts a word.
 */
export interface Spelling {
  /** The letters-and-digits pieces of the word that the vocabulary can hold (3 letters or more). */
  pieces: string[];
  /** The hash of each piece's first PIECE letters. */
  hashes: number[];
}

export function wordMatch(ctx: RankContext, config: FieldConfig, word: string): WordMatch {
  const encoded = ctx.encoders[config.encoder].encode(word);
  return {
    slot: shortSlot(config.field)!,
    padded: encoded.map((t) => ` ${t} `),
    hashes: encoded.map((t) => hash16(t)),
    tiny: !encoded.some((t) => t.length >= 2),
  };
}

export function scoreShortField(
  ctx: RankContext,
  config: FieldConfig,
  match: WordMatch,
  spelling: Spelling,
  result: number[],
): void {
  const best = ctx.scores.word;
  const hashes = hashesOf(ctx.table);
  for (const num of result) {
    // A field scores at most its weight: a talk whose best for this word is already that
    // high is left as it is (offer would keep the old best anyway).
    if (best[num]! >= config.weight) continue;
    const record = ctx.table.get(num);
    if (!record) continue;
    let entry = hashes.find(num);
    if (entry === UNKNOWN) {
      const fields = ctx.encoded(num);
      entry = fields ? hashes.add(num, fields, record.words) : -1;
    }
    let score =
      entry >= 0 ? hashedScore(ctx, hashes, num, entry, config, match) : plainScore(ctx, num, config, match);
    if (score === null || score <= best[num]!) continue;
    if (!hashes.spells(entry, record, spelling.pieces, spelling.hashes)) score *= SOUND_FACTOR;
    ctx.scores.offer(num, score);
  }
}

/** fieldScore from a talk's hashes: its encoded fields are read only when the token may be there whole. */
function hashedScore(
  ctx: RankContext,
  hashes: ShortHashes,
  num: number,
  entry: number,
  config: FieldConfig,
  match: WordMatch,
) {
  const { slot, padded } = match;
  const whole =
    hashes.mayHold(entry, slot.segment, match.hashes) && holdsWhole(ctx.encoded(num)!, slot, padded);
  return fieldScore(config, match, whole, hashes.size(entry, slot.count));
}

/** fieldScore from a talk's encoded fields; without them (not computed) a match counts as whole. */
function plainScore(ctx: RankContext, num: number, config: FieldConfig, match: WordMatch) {
  const fields = ctx.encoded(num);
  if (!fields) return config.weight;
  return fieldScore(
    config,
    match,
    holdsWhole(fields, match.slot, match.padded),
    tokenCount(fields, match.slot),
  );
}

/** A query word as one short field's encoder sees it. */
interface WordMatch {
  slot: ShortSlot;
  /** No encoded token has two letters or more. */
  tiny: boolean;
  /** Each encoded token with a space on both sides, as short-fields.ts stores them. */
  padded: string[];
  /** hash16 of each encoded token (ShortHashes.mayHold). */
  hashes: number[];
}

/**
 * How well one field of one talk matches, computed from the talk itself rather than from
 * FlexSearch's order (which for equal positions is insertion order, so it would depend on the
 * index's history). Short fields: a whole-word match beats a prefix match, and a short field
 * (a title of three words) beats a long one. `size`: the field's number of distinct tokens.
 */
function fieldScore(config: FieldConfig, match: WordMatch, whole: boolean, size: number): number | null {
  // A prefix of one encoded letter ("zzz" encodes to "s") says nothing: not a match.
  if (!whole && match.tiny && config.tokenize === 'forward') return null;
  const focus = 1 - FOCUS_SPREAD + FOCUS_SPREAD / Math.sqrt(Math.max(1, size));
  return config.weight * focus * (whole ? 1 : PREFIX_FACTOR);
}

/** How a query word as typed is checked against talks' vocabulary words. */
export function spellingOf(word: string): Spelling {
  // The letters-and-digits pieces that the vocabulary can hold (3 letters or more).
  const pieces = foldWords(word).filter((piece) => piece.length >= PIECE);
  return { pieces, hashes: pieces.map((piece) => hash16(piece, 0, PIECE)) };
}
