/**
 * Bytes to text. Honours a byte order mark, then a declared charset (`<meta charset>`,
 * `http-equiv` content type, XML prolog), and finally repairs mojibake: UTF-8 that was once
 * decoded as a single-byte code page (Windows-1252, -1253, -1251, Latin-1) and saved again,
 * which turns "é" into "Ã©" or "Γ©" and "→" into "β†’".
 */

import { Buffer } from 'node:buffer';
import { decodeAs, decodeUtf8Strict, repairMojibake } from './mojibake.ts';

export { repairMojibake };

const SNIFF_BYTES = 4096;

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** The charset a document declares in its first bytes, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Byte-per-character, like Latin-1: enough to read an ASCII declaration, and far cheaper.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString(
    'latin1',
  );
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return match?.[1] ? match[1].toLowerCase() : null;
}

function isSupported(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

function isSingleByte(encoding: string): boolean {
  return /^(windows-125\d|iso-?8859|latin|cp125\d|ascii|us-ascii)/.test(encoding);
}

export function decodeText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return repairMojibake(new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)));
  const declared = declaredCharset(bytes);
  const utf8 = decodeUtf8Strict(bytes);
  // Pages often declare Latin-1 while serving UTF-8; valid multi-byte UTF-8 is rarely an accident.
  const trustDeclared = declared && declared !== 'utf-8' && isSupported(declared);
  if (trustDeclared && !(utf8 !== null && isSingleByte(declared))) {
    return repairMojibake(decodeAs(declared, bytes));
  }
  if (utf8 !== null) return repairMojibake(utf8);
  return looksChinese(bytes) ? new TextDecoder('gb18030').decode(bytes) : decodeAs('windows-1252', bytes);
}

/**
 * Undeclared legacy Chinese (GBK/GB18030) is mostly high bytes in pairs, where Latin-1 prose
 * has a few isolated ones; it then decodes to Han characters rather than replacement marks.
 */
function looksChinese(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const high = head.filter((b) => b >= 0x80).length;
  if (high < 8 || high / head.length < 0.2) return false;
  const text = new TextDecoder('gb18030').decode(head);
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const nonAscii = text.match(/[^\p{ASCII}]/gu)?.length ?? 1;
  return han / nonAscii > 0.8;
}
