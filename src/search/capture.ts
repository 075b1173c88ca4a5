/**
 * Helpers for SearchIndex.capture (types.ts): a chunk's text made as a run of pieces, each a
 * bounded amount of work, so that a reader awaiting between pieces never holds the event loop
 * long. The pieces join into the text one call would have made.
 */
import type { SearchCapture, SearchExport } from './types.ts';

/** About this many characters a piece (a millisecond or two of work). */
export const PIECE_CHARS = 1 << 18;
/** Bytes that make a piece of PIECE_CHARS in base64. */
export const PIECE_BYTES = (PIECE_CHARS / 4) * 3;

/** Texts glued into pieces of about PIECE_CHARS. */
export function* joined(texts: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const text of texts) {
    parts.push(text);
    size += text.length;
    if (size < PIECE_CHARS) continue;
    yield parts.join('');
    parts = [];
    size = 0;
  }
  if (parts.length) yield parts.join('');
}

/**
 * JSON.stringify(items) in pieces, for items whose JSON is `json(item)`: the first `count` items
 * (all by default). One loop, no generator step per item (a snapshot holds millions).
 */
export function* jsonList<T>(
  items: Iterable<T>,
  json: (item: T) => string,
  count = Number.POSITIVE_INFINITY,
): Generator<string> {
  let parts = ['['];
  let size = 1;
  let n = 0;
  for (const item of items) {
    if (n === count) break;
    if (n++ > 0) parts.push(',');
    const text = json(item);
    parts.push(text);
    size += text.length + 1;
    if (size < PIECE_CHARS) continue;
    yield parts.join('');
    parts = [];
    size = 0;
  }
  parts.push(']');
  yield parts.join('');
}

/** The export a capture stands for, made at once. */
export function exportCapture(capture: SearchCapture): SearchExport {
  const data: Record<string, string> = {};
  for (const chunk of capture.chunks) data[chunk.key] = [...chunk.pieces()].join('');
  return { configHash: capture.configHash, data };
}
