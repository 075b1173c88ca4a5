import { describe, expect, test } from 'vitest';
import { declaredCharset, decodeText, repairMojibake } from '../../src/extract/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const gbk = Uint8Array.from(Array.from({ length: 5 }, () => [0xd6, 0xd0, 0xce, 0xc4]).flat());

describe('decodeText', () => {
  test.each([
    ['plain UTF-8', utf8('café → ok'), 'café → ok'],
    ['a UTF-8 byte order mark is dropped', concat(bytes(0xef, 0xbb, 0xbf), utf8('été')), 'été'],
    ['UTF-16 little endian with its mark', bytes(0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00), 'hé'],
    [
      'a declared windows-1252 page',
      concat(ascii('<meta charset="windows-1252">caf'), bytes(0xe9, 0x20, 0x80)),
      '<meta charset="windows-1252">café €',
    ],
    [
      'an http-equiv content type',
      concat(
        ascii('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">na'),
        bytes(0xef, 0x76, 0x65),
      ),
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">naïve',
    ],
    [
      'a GBK page',
      concat(ascii('<meta charset="gbk">'), bytes(0xd6, 0xd0, 0xce, 0xc4)),
      '<meta charset="gbk">中文',
    ],
    [
      'a Shift_JIS XML prolog',
      concat(ascii('<?xml version="1.0" encoding="Shift_JIS"?>'), bytes(0x82, 0xa0)),
      '<?xml version="1.0" encoding="Shift_JIS"?>あ',
    ],
    [
      'UTF-8 served under a Latin-1 label stays UTF-8',
      concat(ascii('<meta charset="iso-8859-1">'), utf8('é')),
      '<meta charset="iso-8859-1">é',
    ],
    ['undeclared bytes that are not UTF-8 fall back to windows-1252', bytes(0x63, 0x61, 0x66, 0xe9), 'café'],
    ['undeclared GBK Chinese', gbk, '中文中文中文中文中文'],
    ['mojibake saved as UTF-8 is repaired', utf8('DotScale πŸ™ˆ β†’ Γ©'), 'DotScale 🙈 → é'],
  ])('%s', (_name, input, expected) => {
    expect(decodeText(input)).toBe(expected);
  });
});

describe('repairMojibake', () => {
  test.each([
    ['UTF-8 read as windows-1252', 'cafÃ© crÃ¨me', 'café crème'],
    ['UTF-8 read as windows-1253 (Greek)', 'β†’ Γ© Β― πŸ’š', '→ é ¯ 💚'],
    ['UTF-8 read as windows-1252, Cyrillic inside', 'ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
    ['a German sharp s', 'StraÃŸe', 'Straße'],
    ['text damaged twice', 'ÃƒÂ©tÃƒÂ©', 'été'],
    ['only the damaged part of a run', 'naïve Ã©', 'naïve é'],
  ])('repairs %s', (_name, input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  test.each([
    ['Greek', 'Γειά σου κόσμε, ΓΆ'],
    ['Russian and Ukrainian', 'Привет, мир! Ёжик ЗІ'],
    ['Chinese with Latin terms', '基于Kubernetes的服务网格'],
    ['French with typography', 'naïve café — « guillemets » ½ ©'],
    ['emoji and arrows', '🙈 → ↑ ¯\\_(ツ)_/¯'],
  ])('leaves correct %s text alone', (_name, text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});

describe('declaredCharset', () => {
  test.each([
    ['<meta charset="UTF-8">', 'utf-8'],
    ["<meta http-equiv='content-type' content='text/html; charset=windows-1251'>", 'windows-1251'],
    ['<?xml version="1.0" encoding="ISO-8859-15"?>', 'iso-8859-15'],
    ['<p>no declaration</p>', null],
  ])('reads %s', (head, expected) => {
    expect(declaredCharset(ascii(head))).toBe(expected);
  });
});
