/**
 * Columns of values that repeat (conference ids, dates, post paths, speaker ids) stored as a
 * table of the distinct values and, per row, a number: the value's position in the table.
 */
import type { IntColumn, PackReader, PackWriter } from './snapshot-pack.ts';

export interface Coded<T> {
  values: T[];
  codes: IntColumn;
}

/** A list per row, flattened: `counts` says how many of the codes belong to each row. */
export interface CodedLists<T> extends Coded<T> {
  counts: IntColumn;
}

function codesOf<T>(column: readonly T[]): { values: T[]; codes: number[] } {
  const positions = new Map<T, number>();
  const values: T[] = [];
  const codes: number[] = [];
  for (const value of column) {
    let position = positions.get(value);
    if (position === undefined) {
      position = values.length;
      values.push(value);
      positions.set(value, position);
    }
    codes.push(position);
  }
  return { values, codes };
}

export function code<T>(out: PackWriter, column: readonly T[]): Coded<T> {
  const { values, codes } = codesOf(column);
  return { values, codes: out.ints(codes) };
}

export function codeLists<T>(out: PackWriter, lists: readonly (readonly T[])[]): CodedLists<T> {
  const all: T[] = [];
  for (const list of lists) for (const value of list) all.push(value);
  return { ...code(out, all), counts: out.ints(lists.map((list) => list.length)) };
}

/** One column read back; its values are looked up row by row. */
export class CodedColumn<T> {
  private readonly values: T[];
  private readonly codes: Int32Array;

  /** Throws unless `coded` is a coded column, of `rows` values when given. */
  constructor(input: PackReader, coded: Coded<T>, rows?: number) {
    if (!Array.isArray(coded?.values)) throw new Error('a column of coded values is missing');
    this.values = coded.values;
    this.codes = input.ints(coded.codes);
    if (rows !== undefined && this.codes.length !== rows)
      throw new Error(`a column has ${this.codes.length} values for ${rows} rows`);
  }

  get length(): number {
    return this.codes.length;
  }

  at(row: number): T {
    const position = this.codes[row]!;
    if (!(position >= 0 && position < this.values.length)) throw new Error('a coded value is out of range');
    return this.values[position]!;
  }
}

export function decodeLists<T>(input: PackReader, coded: CodedLists<T>, rows: number): T[][] {
  const column = new CodedColumn(input, coded);
  const counts = input.ints(coded.counts);
  if (counts.length !== rows) throw new Error(`a column of lists does not have ${rows} rows`);
  const lists: T[][] = [];
  let next = 0;
  for (const count of counts) {
    // Sized up front: a list grown by push keeps room for 16 more values, per talk.
    const list = new Array<T>(count);
    for (let i = 0; i < count; i++) list[i] = column.at(next++);
    lists.push(list);
  }
  if (next !== column.length) throw new Error('a column of lists holds more values than its rows');
  return lists;
}
