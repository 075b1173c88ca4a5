/**
 * FlexSearch's posting lists in a snapshot (see postings.ts for what they are). FlexSearch's own
 * export is JSON text of every number, which a load has to parse; here each field is its term
 * list (JSON) and, per term, its lists' lengths and the differences between their numbers as
 * bytes (bytes.ts): a fraction of the size, decoded in one tight loop. Reading them back is in
 * saved-postings.ts.
 *
 * A capture serialises the postings as they were when it was taken, while writes go on:
 * FlexSearch is only ever added to (tables.ts), every number added since is at least the
 * table's `next` of that moment and goes at the end of a list, new terms go at the end of a
 * field's map and new numbers at the end of the register. So the first `size` terms of each
 * map, the first `size` numbers of the register and, in each list, the numbers below `next`
 * are the index as it was.
 */
import type { Document } from 'flexsearch';
import { ByteWriter } from './bytes.ts';
import { jsonList, PIECE_BYTES } from './capture.ts';
import { FIELDS, type IndexedDoc } from './config.ts';
import { fieldMap, internals, type Postings } from './postings.ts';
import type { CapturedChunk } from './types.ts';

/** Keys of the saved postings in SearchExport.data. */
export const REG_KEY = 'postings:reg';
export const termsKey = (field: string) => `postings:${field}:terms`;
export const idsKey = (field: string) => `postings:${field}:ids`;

type Slots = (number[] | undefined)[];

/** The chunks of the postings of `doc` as they are now; `next` is the table's next number. */
export function capturePostings(doc: Document<IndexedDoc>, next: number): CapturedChunk[] {
  const inner = internals(doc);
  const { reg } = inner;
  const regSize = reg.size;
  const chunks: CapturedChunk[] = [
    {
      key: REG_KEY,
      pieces: () => {
        const out = new ByteWriter();
        const nums: number[] = [];
        for (const num of reg) {
          if (nums.length === regSize) break;
          nums.push(num);
        }
        out.uint(regSize);
        out.deltas(nums);
        return [out.toBase64()];
      },
    },
  ];
  for (const { field } of FIELDS) {
    const map = fieldMap(inner, field);
    const size = map.size;
    chunks.push(
      { key: termsKey(field), pieces: () => jsonList(map.keys(), JSON.stringify, size) },
      { key: idsKey(field), pieces: () => listPieces(map, size, next) },
    );
  }
  return chunks;
}

/** The lists of the first `size` terms of `map`, in base64 pieces. */
function* listPieces(map: Postings, size: number, next: number): Generator<string> {
  const out = new ByteWriter();
  let n = 0;
  for (const term of map.keys()) {
    if (n++ === size) break;
    // Lists still as they were loaded are copied as they are.
    const saved = map.savedBytes?.(term);
    if (saved) out.bytes(saved);
    else writeSlots(out, map.get(term) ?? [], next);
    if (out.length >= PIECE_BYTES) yield out.drain();
  }
  yield out.drain(true);
}

function writeSlots(out: ByteWriter, slots: Slots, next: number): void {
  out.uint(slots.length);
  for (const slot of slots) {
    // 0 for an empty slot (FlexSearch tells a hole from an empty list), else length + 1.
    if (!slot) {
      out.uint(0);
      continue;
    }
    let count = slot.length;
    while (count > 0 && slot[count - 1]! >= next) count--;
    out.uint(count + 1);
    out.deltas(slot, count);
  }
}

/** The postings of `doc` as SearchExport.data chunks, made at once (numbers below `next`). */
export function exportPostings(
  doc: Document<IndexedDoc>,
  next = Number.POSITIVE_INFINITY,
): Record<string, string> {
  const data: Record<string, string> = {};
  for (const chunk of capturePostings(doc, next)) data[chunk.key] = [...chunk.pieces()].join('');
  return data;
}
