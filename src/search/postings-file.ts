/**
 * FlexSearch's posting lists in a snapshot (see postings.ts for what they are). FlexSearch's own
 * export is JSON text of every number, which a load has to parse; here each field is its term
 * list (JSON) and, per term, its lists' lengths and the differences between their numbers as
 * bytes (bytes.ts): a fraction of the size, decoded in one tight loop.
 */
import type { Document } from 'flexsearch';
import { ByteReader, ByteWriter } from './bytes.ts';
import { FIELDS, type IndexedDoc } from './config.ts';
import { fieldMap, internals } from './postings.ts';

/** Keys of the saved postings in SearchExport.data. */
const REG_KEY = 'postings:reg';
const termsKey = (field: string) => `postings:${field}:terms`;
const idsKey = (field: string) => `postings:${field}:ids`;

export function exportPostings(doc: Document<IndexedDoc>): Record<string, string> {
  const inner = internals(doc);
  const reg = new ByteWriter();
  reg.uint(inner.reg.size);
  reg.deltas([...inner.reg]);
  const data: Record<string, string> = { [REG_KEY]: reg.toBase64() };
  for (const { field } of FIELDS) {
    const map = fieldMap(inner, field);
    const ids = new ByteWriter();
    for (const slots of map.values()) {
      ids.uint(slots.length);
      for (const slot of slots) {
        // 0 for an empty slot (FlexSearch tells a hole from an empty list), else length + 1.
        ids.uint(slot ? slot.length + 1 : 0);
        if (slot) ids.deltas(slot);
      }
    }
    data[termsKey(field)] = JSON.stringify([...map.keys()]);
    data[idsKey(field)] = ids.toBase64();
  }
  return data;
}

/** Fills a fresh Document from exportPostings' data; throws when the data is incomplete or damaged. */
export function importPostings(doc: Document<IndexedDoc>, data: Record<string, string>): void {
  const inner = internals(doc);
  const reg = new ByteReader(data[REG_KEY]);
  for (const num of reg.deltas(reg.uint())) inner.reg.add(num);
  if (!reg.done) throw new Error('the register has trailing data');
  for (const { field } of FIELDS) {
    const terms = JSON.parse(data[termsKey(field)] ?? 'null') as unknown;
    if (!Array.isArray(terms)) throw new Error(`no terms for field "${field}"`);
    const map = fieldMap(inner, field);
    const ids = new ByteReader(data[idsKey(field)]);
    for (const term of terms) {
      const slots: (number[] | undefined)[] = new Array(ids.uint());
      for (let s = 0; s < slots.length; s++) {
        const size = ids.uint();
        if (size > 0) slots[s] = ids.deltas(size - 1);
      }
      map.set(term as string, slots);
    }
    if (!ids.done) throw new Error(`the postings of field "${field}" do not match its terms`);
  }
}
