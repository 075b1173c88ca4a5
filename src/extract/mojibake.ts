/**
 * Mojibake repair: UTF-8 that was once decoded as a single-byte code page (Windows-1252,
 * -1253, -1251, Latin-2) and saved again, which turns "é" into "Ã©" or "Γ©" and "→" into "β†’".
 * Only sequences that re-encode to valid UTF-8 and read like damage are repaired, so correct
 * Greek, Cyrillic or Chinese text is left alone.
 */

import { isUtf8 } from 'node:buffer';

/** Code pages whose mis-decoding of UTF-8 we know how to undo, most common first. */
const REPAIR_CODEPAGES = ['windows-1252', 'windows-1253', 'windows-1251', 'iso-8859-2'] as const;

/**
 * Windows-1252's 0x80-0x9F. Node's decoder for that label yields C1 controls there (it follows
 * ISO-8859-1), while browsers, and the tools that damaged our text, use these characters.
 */
const WINDOWS_1252_C1 =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** Decodes with a TextDecoder, giving Windows-1252 labels their real upper-half characters. */
/** Strict UTF-8, or null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  // Validating first avoids a thrown error per rejected candidate, which costs more than the check.
  return isUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : null;
}

export function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (new TextDecoder(encoding).encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

type ReverseTable = Map<string, number>;
const reverseTables = new Map<string, ReverseTable>();

/**
 * char -> byte for the upper half of a code page; built on first use, never at import. Slots
 * a code page leaves undefined take the Windows-1252 character, as lenient decoders do.
 */
function reverseTable(codepage: string): ReverseTable {
  const cached = reverseTables.get(codepage);
  if (cached) return cached;
  const table: ReverseTable = new Map();
  const upper = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
  const own = [...decodeAs(codepage, upper)];
  const fallback = [...decodeAs('windows-1252', upper)];
  own.forEach((char, i) => {
    const undefinedSlot = char === '\ufffd' || (char >= '\x80' && char <= '\x9f');
    // C1 controls survive a strict Latin-1 round trip, so they also stand for their own byte.
    if (i < 0x20) table.set(String.fromCharCode(0x80 + i), 0x80 + i);
    table.set(undefinedSlot ? (fallback[i] ?? char) : char, 0x80 + i);
  });
  reverseTables.set(codepage, table);
  return table;
}

const leadCodes = new Map<string, Set<number>>();

/**
 * The characters that stand for a byte opening a UTF-8 sequence of two or more (0xC2-0xF4) in
 * a code page: a run with none of them has nothing to repair there. Built on first use.
 */
function leadCodesOf(codepage: string): Set<number> {
  let codes = leadCodes.get(codepage);
  if (!codes) {
    codes = new Set();
    for (const [char, byte] of reverseTable(codepage))
      if (sequenceLength(byte) > 1) codes.add(char.charCodeAt(0));
    leadCodes.set(codepage, codes);
  }
  return codes;
}

function hasLead(run: string, codepage: string): boolean {
  const codes = leadCodesOf(codepage);
  for (let i = 0; i < run.length; i++) if (codes.has(run.charCodeAt(i))) return true;
  return false;
}

// 1 where a character stands for a lead byte in some repair code page; built on first use.
let anyLead: Uint8Array | null = null;

/**
 * Whether some code page could read a sequence in `run`: one pass instead of one per code page,
 * and most runs (Chinese prose, dashes and quotes) hold no lead in any.
 */
function hasAnyLead(run: string): boolean {
  if (!anyLead) {
    anyLead = new Uint8Array(0x10000);
    for (const codepage of REPAIR_CODEPAGES) for (const code of leadCodesOf(codepage)) anyLead[code] = 1;
  }
  for (let i = 0; i < run.length; i++) if (anyLead[run.charCodeAt(i)] === 1) return true;
  return false;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const LATIN1_LEADS = new Set(['Â', 'Ã', 'Ä', 'Å']);

/**
 * A candidate sequence is accepted only when it does not read like real text of that code
 * page: some continuation character is a symbol or punctuation (Greek or Cyrillic words are
 * letters), or the lead is one of the Latin-1 letters that never precede a symbol in prose.
 */
function looksLikeMojibake(chars: string[], codepage: string): boolean {
  const tail = chars.slice(1);
  if (tail.some((c) => !/\p{L}/u.test(c))) return true;
  return codepage === 'windows-1252' && LATIN1_LEADS.has(chars[0] ?? '');
}

/** Decodes `chars` as one UTF-8 sequence per the code page, or null when they are not one. */
function asUtf8(chars: string[], table: ReverseTable): string | null {
  const bytes = chars.map((c) => table.get(c));
  if (bytes.some((b) => b === undefined)) return null;
  return decodeUtf8Strict(Uint8Array.from(bytes as number[]));
}

/** Repairs one run of non-ASCII characters through one code page; returns fixes made. */
function repairRun(run: string, codepage: string): { text: string; fixes: number } {
  // Most runs (Chinese prose, dashes and quotes) hold no lead: no need to decode them char by char.
  if (!hasLead(run, codepage)) return { text: run, fixes: 0 };
  const table = reverseTable(codepage);
  const chars = [...run];
  let out = '';
  let fixes = 0;
  let whole = true;
  for (let i = 0; i < chars.length; ) {
    const char = chars[i] ?? '';
    const lead = table.get(char);
    const slice = chars.slice(i, i + (lead === undefined ? 0 : sequenceLength(lead)));
    const decoded = slice.length > 1 ? asUtf8(slice, table) : null;
    if (decoded && looksLikeMojibake(slice, codepage)) fixes++;
    if (decoded) {
      out += decoded;
      i += slice.length;
    } else {
      out += char;
      whole = false;
      i++;
    }
  }
  // A run that decodes entirely and has one telltale sequence is mojibake as a whole;
  // otherwise keep only the telltale sequences.
  if (fixes === 0 || whole) return { text: fixes ? out : run, fixes };
  return repairTelltales(chars, table, codepage);
}

function repairTelltales(chars: string[], table: ReverseTable, codepage: string) {
  let text = '';
  let fixes = 0;
  for (let i = 0; i < chars.length; ) {
    const char = chars[i] ?? '';
    const lead = table.get(char);
    const slice = chars.slice(i, i + (lead === undefined ? 0 : sequenceLength(lead)));
    const decoded = slice.length > 1 ? asUtf8(slice, table) : null;
    if (decoded && looksLikeMojibake(slice, codepage)) {
      text += decoded;
      fixes++;
      i += slice.length;
    } else {
      text += char;
      i++;
    }
  }
  return { text, fixes };
}

/**
 * Two non-ASCII code units in a row: needed by any run below, and far cheaper to look for than
 * code points (most posts have none, or only single accented letters).
 */
const MAY_HAVE_RUN = /[\u0080-\uffff]{2}/;

/** The run as the code page that repairs most sequences in it reads it. */
function repairAnyRun(run: string): string {
  if (!hasAnyLead(run)) return run;
  let best = { text: run, fixes: 0 };
  for (const codepage of REPAIR_CODEPAGES) {
    const candidate = repairRun(run, codepage);
    if (candidate.fixes > best.fixes) best = candidate;
  }
  return best.text;
}

const RUN = /[\u0080-\uffff]{2,}/g;

function repairOnce(text: string): string {
  if (!MAY_HAVE_RUN.test(text)) return text;
  // Code units rather than code points: the spans are the same, and one astral character
  // alone (two units) holds no sequence to repair, so it comes back unchanged. A text with
  // nothing to repair is returned as it is, not copied.
  let repaired = '';
  let copied = 0;
  for (const match of text.matchAll(RUN)) {
    const fixed = repairAnyRun(match[0]);
    if (fixed === match[0]) continue;
    repaired += text.slice(copied, match.index) + fixed;
    copied = match.index + match[0].length;
  }
  return copied === 0 ? text : repaired + text.slice(copied);
}

/** Undoes UTF-8-read-as-a-code-page damage, twice at most (some text was damaged twice). */
export function repairMojibake(text: string): string {
  const once = repairOnce(text);
  return once === text ? text : repairOnce(once);
}
