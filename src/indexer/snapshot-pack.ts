/**
 * The layout shared by the snapshot's archive and post files:
 *
 *   a JSON header, on one line   {"ints": n, "order": "LE", "header": ...}
 *   n 32-bit integers            the numbers of every column, in the writer's byte order
 *   the texts                    one after the other, in UTF-8
 *
 * Texts (notes, excerpts, titles, ids) are most of a snapshot's bytes. Inside JSON, each would be
 * scanned for escapes, copied and collected as a string of its own, and decoding 200 MB of
 * UTF-8 costs more than parsing it. Here the texts are decoded once per file, as Latin-1, which
 * is a plain copy (and right for ASCII bytes), and each text is a slice of the result: the same
 * cost whatever its length. A text with other characters is decoded on its own, as UTF-8. Numbers
 * (codes, counts, lengths) are read as they lie, with no parsing. The header says where each
 * column's numbers are; a column of texts is the column of their lengths in bytes, taken in the
 * order they were written, and the reader checks that it used up the file.
 */
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';
import type { Pacer } from './pacer.ts';

/** A snapshot copied to a machine of the other byte order is refused (and rebuilt), never misread. */
const ORDER = endianness();

/** Where a column's numbers are among the file's integers: [first, count]. */
export type IntColumn = [number, number];

/** A text's length: bytes when ASCII, minus its bytes otherwise (never -1), -1 for null. */
const NULL = -1;
/** Texts are encoded in pieces of about this many bytes, as the file is written. */
const CHUNK = 1 << 20;
/** Texts measured between two looks at the clock (`stringsPaced`). */
const SLICE = 4096;

export class PackWriter {
  private readonly numbers: number[] = [];
  private readonly texts: string[] = [];
  /** Per text, its length as the header lists it. */
  private readonly sizes: number[] = [];

  ints(values: readonly number[]): IntColumn {
    const first = this.numbers.length;
    for (const value of values) this.numbers.push(value);
    return [first, values.length];
  }

  /** Queues the texts after those already queued. */
  strings(values: readonly (string | null)[]): IntColumn {
    const lengths = values.map((value) => {
      if (value === null) return NULL;
      // Equal only for ASCII: any other UTF-16 unit takes two bytes or more.
      const bytes = Buffer.byteLength(value);
      const size = bytes === value.length ? bytes : -bytes;
      this.texts.push(value);
      this.sizes.push(size);
      return size;
    });
    return this.ints(lengths);
  }

  /** `strings`, a slice at a time, yielding to other work between slices (pacer.ts). */
  async stringsPaced(values: readonly (string | null)[], pacer: Pacer): Promise<IntColumn> {
    const first = this.numbers.length;
    // Each slice's lengths follow the previous slice's: the column stays one run of numbers.
    for (let at = 0; at < values.length; at += SLICE) {
      this.strings(values.slice(at, at + SLICE));
      await pacer.step();
    }
    return [first, values.length];
  }

  /**
   * The file, `header` (which holds the columns) on its first line, in pieces each encoded only
   * when asked for: a writer that awaits between pieces lets other work run, and never holds the
   * whole file in memory.
   */
  *chunks(header: unknown): Generator<Buffer> {
    yield Buffer.from(`${JSON.stringify({ ints: this.numbers.length, order: ORDER, header })}\n`);
    yield Buffer.from(new Int32Array(this.numbers).buffer);
    const { texts, sizes } = this;
    for (let first = 0; first < texts.length; ) {
      let end = first;
      let bytes = 0;
      while (end < texts.length && bytes < CHUNK) bytes += Math.abs(sizes[end++]!);
      const out = Buffer.allocUnsafe(bytes);
      let at = 0;
      // Each text on its own: joining them first would copy every text once more.
      for (let i = first; i < end; i++) at += out.write(texts[i]!, at, sizes[i]! >= 0 ? 'latin1' : 'utf8');
      if (at !== bytes) throw new Error('the texts did not fill the bytes they were measured for');
      yield out;
      first = end;
    }
  }
}

export class PackReader {
  /** The texts from `start` on, decoded when first needed (see `bytes`). */
  private latin1: string | null = null;
  private start: number;

  private constructor(
    private readonly file: Buffer,
    private readonly numbers: Int32Array,
    private offset: number,
  ) {
    this.start = offset;
  }

  /** Splits a file into its parsed header and a reader of its columns; throws on a bad header. */
  static open<T>(file: Buffer, name: string): { header: T; columns: PackReader } {
    const end = file.indexOf(10);
    let parsed: { ints?: unknown; order?: unknown; header?: unknown } | undefined;
    try {
      parsed = end < 0 ? undefined : JSON.parse(file.toString('utf8', 0, end));
    } catch {
      parsed = undefined;
    }
    const count = parsed?.ints;
    if (typeof count !== 'number' || typeof parsed?.header !== 'object' || parsed.header === null)
      throw new Error(`${name} has no valid header`);
    if (parsed.order !== ORDER) throw new Error(`${name} was written with another byte order`);
    const textsAt = end + 1 + 4 * count;
    if (textsAt > file.length) throw new Error(`${name} is shorter than its header says`);
    // A copy (a few MB at most): the file's bytes need not start at a multiple of 4 in memory.
    const from = file.byteOffset + end + 1;
    const numbers = new Int32Array(file.buffer.slice(from, from + 4 * count));
    return { header: parsed.header as T, columns: new PackReader(file, numbers, textsAt) };
  }

  ints([first, count]: IntColumn): Int32Array {
    if (!(first >= 0 && count >= 0 && first + count <= this.numbers.length))
      throw new Error('a column of numbers is out of range');
    return this.numbers.subarray(first, first + count);
  }

  /** The next texts, as many as the column lists. */
  texts(column: IntColumn): (string | null)[] {
    const lengths = this.ints(column);
    const values: (string | null)[] = [];
    for (const length of lengths) values.push(this.next(length));
    return values;
  }

  /** Texts that are never null. */
  strings(column: IntColumn): string[] {
    const values = this.texts(column);
    if (values.includes(null)) throw new Error('a column of texts holds a null where none is allowed');
    return values as string[];
  }

  /**
   * The next text as bytes, not decoded: for a text that may never be used. Only before the
   * first `texts`, which decodes every text after it at once.
   */
  bytes(column: IntColumn): Buffer {
    const [length] = this.ints(column);
    if (this.latin1 !== null || column[1] !== 1 || length === undefined || length === NULL)
      throw new Error('a text to keep as bytes is not the next one');
    const from = this.offset;
    this.offset += Math.abs(length);
    if (this.offset > this.file.length) throw new Error('a text runs past the end of its file');
    this.start = this.offset;
    return this.file.subarray(from, this.offset);
  }

  /** Throws unless every text was read: a header and texts that do not match are not used. */
  end(name: string): void {
    if (this.offset !== this.file.length) throw new Error(`${name} holds texts its header does not list`);
  }

  private next(length: number): string | null {
    if (length === NULL) return null;
    const from = this.offset;
    this.offset += Math.abs(length);
    if (this.offset > this.file.length) throw new Error('a text runs past the end of its file');
    if (length < 0) return this.file.toString('utf8', from, this.offset);
    this.latin1 ??= this.file.toString('latin1', this.start);
    return this.latin1.slice(from - this.start, this.offset - this.start);
  }
}
