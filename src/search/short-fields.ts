/**
 * The encoded words of a talk's short fields in one compact string per talk, which ranking
 * reads to tell a whole-word match from a prefix match and to weigh a short field above a long
 * one. It is computed when the talk is indexed (the encoder's cache still holds those fields
 * then) and kept for every talk, so memory does not grow with the queries served.
 *
 * Layout: one character per short field whose code is the field's number of distinct tokens,
 * then, for each forward field (title, speakers), "\n" and its tokens as " tok1 tok2 " (spaces
 * around, so " tok " finds a token; " " when empty). Strict fields only ever match whole words,
 * so their count is all ranking needs.
 */
import type { Encoders, FieldName, IndexedDoc } from './config.ts';
import { FIELDS } from './config.ts';

const SHORT = FIELDS.filter((f) => f.field !== 'notes');
const FORWARD = SHORT.filter((f) => f.tokenize === 'forward');
const MAX_COUNT = 0xffff;
/** How many short fields have a token count (the first characters of the encoded string). */
export const SIZES = SHORT.length;
/** How many forward fields have a segment of tokens. */
export const SEGMENTS = FORWARD.length;
/**
 * Where the first segment starts: after the count characters, exactly SHORT.length long, and
 * the "\n" after them (a count may itself be the code of "\n", so segments are found from here).
 */
export const SEGMENTS_START = SHORT.length + 1;

/** Where one field sits in the encoded string: its count character and its segment (or -1). */
export interface ShortSlot {
  count: number;
  segment: number;
}

export function shortSlot(field: FieldName): ShortSlot | undefined {
  const count = SHORT.findIndex((f) => f.field === field);
  if (count < 0) return undefined;
  return { count, segment: FORWARD.findIndex((f) => f.field === field) };
}

export function encodeShortFields(doc: IndexedDoc, encoders: Encoders): string {
  const tokens = SHORT.map((f) => [...new Set(encoders[f.encoder].encode(doc[f.field]))]);
  const counts = tokens.map((t) => String.fromCharCode(Math.min(MAX_COUNT, t.length)));
  const segments = FORWARD.map((f) => {
    const own = tokens[SHORT.indexOf(f)]!;
    return own.length ? ` ${own.join(' ')} ` : ' ';
  });
  // One join gives one flat string (a `+` would keep a rope of the pieces alive).
  return [counts.join(''), ...segments].join('\n');
}

/** Whether a forward field of a talk holds every token (each given as " tok ") whole. */
export function holdsWhole(encoded: string, slot: ShortSlot, padded: readonly string[]): boolean {
  if (slot.segment < 0) return true;
  let start = SEGMENTS_START;
  for (let i = 1; i <= slot.segment; i++) start = encoded.indexOf('\n', start) + 1;
  const next = encoded.indexOf('\n', start);
  const end = next < 0 ? encoded.length : next;
  for (const token of padded) {
    const at = encoded.indexOf(token, start);
    if (at < 0 || at + token.length > end) return false;
  }
  return true;
}

/** The number of distinct tokens of a short field of a talk. */
export function tokenCount(encoded: string, slot: ShortSlot): number {
  return encoded.charCodeAt(slot.count);
}
