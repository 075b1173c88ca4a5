import { Buffer } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { PackReader, PackWriter } from '../../src/indexer/snapshot-pack.ts';

function packed(): { file: Buffer; ints: [number, number]; texts: [number, number] } {
  const writer = new PackWriter();
  const ints = writer.ints([3, -1, 2_000_000_000]);
  const texts = writer.strings(['plain', null, 'accentué 🚀']);
  return { file: Buffer.concat([...writer.chunks({ ints, texts })]), ints, texts };
}

describe('the packed file layout', () => {
  test('gives back its numbers and texts', () => {
    const { file } = packed();
    const { header, columns } = PackReader.open<{ ints: [number, number]; texts: [number, number] }>(
      file,
      'f',
    );
    expect([...columns.ints(header.ints)]).toEqual([3, -1, 2_000_000_000]);
    expect(columns.texts(header.texts)).toEqual(['plain', null, 'accentué 🚀']);
    expect(() => columns.end('f')).not.toThrow();
  });

  test('refuses a file written in the other byte order instead of misreading its numbers', () => {
    const { file } = packed();
    const end = file.indexOf(10);
    const line = JSON.parse(file.toString('utf8', 0, end)) as { order: string };
    const other = { ...line, order: line.order === 'LE' ? 'BE' : 'LE' };
    const swapped = Buffer.concat([Buffer.from(JSON.stringify(other)), file.subarray(end)]);
    expect(() => PackReader.open(swapped, 'archive.json')).toThrow(/another byte order/);
  });

  test('refuses a file with no header line', () => {
    expect(() => PackReader.open(Buffer.from('not a header'), 'archive.json')).toThrow(/no valid header/);
  });
});
