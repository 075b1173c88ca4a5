/**
 * Unsigned integers as variable-length bytes (7 bits a byte, low bits first), carried in the
 * snapshot as base64 text: posting lists of ascending talk numbers shrink to a byte or two per
 * number, and decoding them is a tight loop instead of a JSON parse of millions of numbers.
 */

/** Signed differences as unsigned numbers (0, -1, 1, -2 ... -> 0, 1, 2, 3 ...). */
const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
/** Below V8's limit for arrays created with a length to keep fast elements. */
const PRESIZE_MAX = 50_000;
/** Lists at least this long get spare room (numberList). */
const SPARE_FROM = 64;

/**
 * An array for `count` numbers (length `count`, to be filled by index), sized upfront rather
 * than grown push by push, unless so long that V8 would make it a slow dictionary. A short list
 * gets no spare capacity; one of SPARE_FROM numbers or more gets a sixteenth more room behind
 * its length (V8 keeps it: it only trims an array to less than half its capacity), so the next
 * writes append to it without copying the whole list.
 */
export function numberList(count: number): number[] {
  if (count > PRESIZE_MAX) return [];
  const list: number[] = new Array(count < SPARE_FROM ? count : count + (count >> 4));
  list.length = count;
  return list;
}

/** Read past the end: stops a number, and is reported once the loop is out. */
const END = 0;

export class ByteWriter {
  #bytes = new Uint8Array(1 << 16);
  #length = 0;

  /** Room for `count` more bytes. */
  #reserve(count: number): void {
    if (this.#length + count <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + count) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = bigger;
  }

  /** Any safe integer (up to 8 bytes); needs the room reserved. */
  #put(value: number): void {
    let n = value;
    while (n >= 0x80) {
      this.#bytes[this.#length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.#bytes[this.#length++] = n;
  }

  uint(value: number): void {
    this.#reserve(8);
    this.#put(value);
  }

  /** Bytes written so far and not drained. */
  get length(): number {
    return this.#length;
  }

  /** Bytes as they are (a saved run of numbers copied unchanged). */
  bytes(chunk: Uint8Array): void {
    this.#reserve(chunk.length);
    this.#bytes.set(chunk, this.#length);
    this.#length += chunk.length;
  }

  /**
   * Each of the first `count` numbers as its difference from the one before (the first from 0).
   */
  deltas(values: readonly number[], count = values.length): void {
    this.#reserve(count * 8);
    const bytes = this.#bytes;
    let at = this.#length;
    let previous = 0;
    for (let i = 0; i < count; i++) {
      const value = values[i]!;
      let n = zigzag(value - previous);
      previous = value;
      if (n > 0xffffffff) {
        this.#length = at;
        this.#put(n);
        at = this.#length;
        continue;
      }
      // Below 2^32 (always, for talk numbers) bit operations do what #put does.
      while (n >= 0x80) {
        bytes[at++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      bytes[at++] = n;
    }
    this.#length = at;
  }

  toBase64(): string {
    return Buffer.from(this.#bytes.buffer, 0, this.#length).toString('base64');
  }

  /**
   * The base64 of what was written since the last drain, and empties the writer: pieces drained
   * one after the other join into toBase64() of the whole. Up to two bytes stay behind unless
   * `last` (base64 turns every three bytes into four characters of their own).
   */
  drain(last = false): string {
    const cut = last ? this.#length : this.#length - (this.#length % 3);
    const text = Buffer.from(this.#bytes.buffer, 0, cut).toString('base64');
    this.#bytes.copyWithin(0, cut, this.#length);
    this.#length -= cut;
    return text;
  }
}

/** Reads what ByteWriter wrote; throws on data that ends early (a damaged snapshot). */
export class ByteReader {
  readonly #bytes: Uint8Array;
  #at = 0;

  constructor(base64: unknown) {
    if (typeof base64 !== 'string') throw new Error('expected base64 text');
    this.#bytes = Buffer.from(base64, 'base64');
  }

  get done(): boolean {
    return this.#at === this.#bytes.length;
  }

  /** Where the next number starts. */
  get position(): number {
    return this.#at;
  }

  seek(position: number): void {
    this.#at = position;
  }

  /** The bytes from `start` to the current position, not copied. */
  since(start: number): Uint8Array {
    return this.#bytes.subarray(start, this.#at);
  }

  /** Moves past `count` numbers without decoding them (one byte test each). */
  skip(count: number): void {
    const bytes = this.#bytes;
    let at = this.#at;
    for (let i = 0; i < count; i++) while ((bytes[at++] ?? END) >= 0x80);
    if (at > bytes.length) throw new Error('data ends early');
    this.#at = at;
  }

  uint(): number {
    const bytes = this.#bytes;
    let byte = bytes[this.#at++];
    if (byte === undefined) throw new Error('data ends early');
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 0x80;
    for (;;) {
      byte = bytes[this.#at++];
      if (byte === undefined) throw new Error('data ends early');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** `count` numbers written by ByteWriter.deltas, into a new array. */
  deltas(count: number): number[] {
    const values = numberList(count);
    const bytes = this.#bytes;
    let at = this.#at;
    let previous = 0;
    for (let i = 0; i < count; i++) {
      // uint() inlined: this loop decodes every posting of a snapshot.
      let byte = bytes[at++] ?? END;
      let value = byte & 0x7f;
      for (let scale = 0x80; byte >= 0x80; scale *= 0x80) {
        byte = bytes[at++] ?? END;
        value += (byte & 0x7f) * scale;
      }
      if (at > bytes.length) throw new Error('data ends early');
      previous += value % 2 === 0 ? value / 2 : -(value + 1) / 2;
      values[i] = previous;
    }
    this.#at = at;
    return values;
  }
}
