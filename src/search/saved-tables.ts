/**
 * Our tables in a snapshot, one column per key so that a load parses a few long values rather
 * than an array per talk: talk ids and vocabulary words as JSON string lists, numbers as bytes
 * (bytes.ts), fingerprints as one string of fixed-width pieces.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import { joined, jsonList } from './capture.ts';
import { FP_WIDTH } from './fingerprint.ts';
import type { TalkTable } from './tables.ts';
import type { CapturedChunk } from './types.ts';

export { FP_WIDTH };

export interface SavedTables {
  ids: string[];
  nums: number[];
  /** The fingerprint of talk i is fingerprints.slice(i * FP_WIDTH, (i + 1) * FP_WIDTH). */
  fingerprints: string;
  /** TalkRecord.words of each talk. */
  words: string[];
  next: number;
  retired: number;
  /** Vocabulary word -> number of saved talks using it. */
  vocabulary: [string, number][];
}

/**
 * The tables as they are now, serialised later (see SearchIndex.capture): the records are
 * taken as a list (a changed talk gets a new record, so a record never changes) and the
 * vocabulary counts copied.
 */
export function captureTables(table: TalkTable): CapturedChunk[] {
  const records = [...table.records()];
  for (const record of records) {
    if (record.fingerprint.length !== FP_WIDTH) throw new Error('unexpected fingerprint width');
  }
  const { next, retired } = table;
  const vocabulary = [...table.vocabulary.counts];
  return [
    { key: 'tables', pieces: () => tablesJson(next, retired, vocabulary) },
    { key: 'talks:ids', pieces: () => jsonList(records, (r) => JSON.stringify(r.talk.id)) },
    {
      key: 'talks:nums',
      pieces: () => {
        const nums = new ByteWriter();
        nums.deltas(records.map((r) => r.num));
        return [nums.toBase64()];
      },
    },
    { key: 'talks:fingerprints', pieces: () => joined(records.map((r) => r.fingerprint)) },
    { key: 'talks:words', pieces: () => jsonList(records, (r) => JSON.stringify(r.words)) },
  ];
}

/** The texts of JSON.stringify({ next, retired, vocabulary }). */
function* tablesJson(next: number, retired: number, vocabulary: [string, number][]): Generator<string> {
  yield `${JSON.stringify({ next, retired }).slice(0, -1)},"vocabulary":`;
  yield* jsonList(vocabulary, JSON.stringify);
  yield '}';
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The saved tables, or null when they are missing or do not fit together. */
export function readTables(data: Record<string, string>): SavedTables | null {
  try {
    const { next, retired, vocabulary } = JSON.parse(data.tables ?? '') as Partial<SavedTables>;
    const ids = JSON.parse(data['talks:ids'] ?? '') as unknown;
    const words = JSON.parse(data['talks:words'] ?? '') as unknown;
    const fingerprints = data['talks:fingerprints'];
    if (
      !Number.isInteger(next) ||
      !Number.isInteger(retired) ||
      !Array.isArray(vocabulary) ||
      !isStringList(ids) ||
      !isStringList(words) ||
      words.length !== ids.length ||
      typeof fingerprints !== 'string' ||
      fingerprints.length !== ids.length * FP_WIDTH
    )
      return null;
    const reader = new ByteReader(data['talks:nums']);
    const nums = reader.deltas(ids.length);
    if (!reader.done) return null;
    return { ids, nums, fingerprints, words, next: next!, retired: retired!, vocabulary };
  } catch {
    return null;
  }
}
