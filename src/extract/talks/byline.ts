/**
 * Finds the speakers of a talk section in the lines right under its heading: a speaker line
 * ("Name - @handle - Company", "*Name* - Inria"), a "Présenté par" / "讲师：" label, a name with
 * its handle in the first sentence ("Jane Doe (@jdoe) talked about…"), or a Chinese name + bio.
 */
import type { ExtractedSpeaker } from '../../model.ts';
import { handleOf, isNameLike, parseOneSpeaker, parseSpeakerList, startsWithName } from '../speakers.ts';
import type { TextBlock } from './blocks.ts';
import { handled, profileInOpening, proseSpeakers } from './prose-speakers.ts';

const LABEL =
  /^(?:t[a]lk\s+)?(?:présenté(?:e|s)? par|animé(?:e|s)? par|presented by|given by|speakers?|intervenants?|orateurs?|讲师|演讲者|演讲嘉宾|分享嘉宾|分享者|嘉宾|讲者)\s*[:：]?\s*(.*)$/iu;
/** "By Jane Doe" counts only as the very first line of a section, where post bylines never are. */
const BY = /^(?:by|par|von)\s+(.+)$/i;
const HAN_BIO = /^([\p{Script=Han}]{2,4})(?:\s+|[，,（(])/u;
/** Pictographs and symbols that open a line ("🎤 Speaker: …", "👤 Jane Doe"), with their spaces. */
const LEADING_SYMBOLS = /^(?:\p{Extended_Pictographic}|\p{So}|\uFE0F|\u200D|\s)+/u;

/** The line without its leading pictographs; looked for only past U+2000, where they all are. */
function withoutSymbols(line: string): string {
  return line.charCodeAt(0) >= 0x2000 ? line.replace(LEADING_SYMBOLS, '') : line;
}

/** "Name - @handle - Company" and friends: a short line that starts with a person. */
export function speakerLine(text: string): ExtractedSpeaker[] {
  const line = withoutSymbols(text);
  if (line.length > 160 || !startsWithName(line)) return [];
  const whole = parseSpeakerList(line);
  if (whole.length) return whole;
  const head = line
    .split(/\s[-–—|]\s|,|\(|\s@/)[0]!
    .replace(/[*_]|\s*[!?.:;]+$/g, '')
    .trim();
  if (!isNameLike(head)) return [];
  const rest = line.slice(line.indexOf(head) + head.length);
  const affiliation = shortAffiliation(rest.replace(/\(?@\w+\)?/g, ''));
  const one = parseOneSpeaker(head);
  return one ? [{ ...one, handle: handleOf(line), affiliation }] : [];
}

/** ", from Lumen Systems, started the morning…" -> "Lumen Systems"; prose is no affiliation. */
function shortAffiliation(rest: string): string | null {
  const first = rest.replace(/^[\s,()–—|-]+/, '').split(/,|\s[-–—|]\s/)[0] ?? '';
  const clean = first
    .replace(/^(?:from|of|at|de|chez)\s+/i, '')
    .replace(/[\s()]+$/g, '')
    .trim();
  return clean && clean.length <= 60 && clean.split(' ').length <= 8 ? clean : null;
}

interface Candidate {
  text: string;
  at: LineRef[];
}

function linesAfter(block: TextBlock, b: number, i: number): Candidate[] {
  return block.lines.slice(i + 1).map((text, j) => ({ text, at: [{ block: b, line: i + 1 + j }] }));
}

/** The list items among the five blocks after block `b`, each with all of its lines. */
function itemsAfter(blocks: readonly TextBlock[], b: number): Candidate[] {
  const items: Candidate[] = [];
  for (let k = b + 1; k < Math.min(blocks.length, b + 6); k++) {
    const x = blocks[k]!;
    if (x.tag === 'li') items.push({ text: x.text, at: x.lines.map((_, line) => ({ block: k, line })) });
  }
  return items;
}

function labelled(blocks: readonly TextBlock[]): Byline | null {
  // Every line of the section is looked at (a <pre> gives one per word): counted loops, without
  // an iterator and an index-line pair per line.
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (let i = 0; i < block.lines.length; i++) {
      const match = withoutSymbols(block.lines[i]!).match(LABEL);
      if (!match) continue;
      const rest = match[1]!.trim();
      const inline = rest ? speakerLine(stripBullet(rest)) : [];
      if (inline.length) return { speakers: inline, lines: [{ block: b, line: i }] };
      const below = [...linesAfter(block, b, i), ...itemsAfter(blocks, b)];
      const people = below.map((l) => speakerLine(stripBullet(l.text)));
      const count = people.findIndex((p) => !p.length) >>> 0;
      const named = people.slice(0, count).flat();
      const lines = [{ block: b, line: i }, ...below.slice(0, count).flatMap((l) => l.at)];
      if (named.length) return { speakers: named, lines };
    }
  }
  return null;
}

const stripBullet = (line: string) => line.replace(/^[*•·+-]\s+/, '');

/** A line of a section: the index of its block among the section's blocks, and its own there. */
export interface LineRef {
  block: number;
  line: number;
}

/** The speakers of a section, and the lines that say only that (a byline), which notes leave out. */
export interface Byline {
  speakers: ExtractedSpeaker[];
  lines: LineRef[];
}

const inProse = (speakers: ExtractedSpeaker[]): Byline => ({ speakers, lines: [] });

/** Words of four or more letters that open in lower case, outside handles and addresses. */
const LOWER_WORD = /(?<![\p{L}\p{N}_@./-])\p{Ll}{4,}/gu;

/**
 * A line that reads as a sentence ("Jane Doe presents the open gateway initiative…") or as a
 * piece of one (a wrapped line, a name list after "et dans l'équipe :"): notes, even when the
 * speakers are read from it.
 */
function inSentence(lines: readonly string[], l: number): boolean {
  const words = lines[l]!.match(LOWER_WORD)?.length ?? 0;
  return words > 3 || /[,:;]$/.test(lines[l - 1] ?? '') || /^\p{Ll}/u.test(lines[l + 1] ?? '');
}

/**
 * The speakers named in the first blocks of a section (none when none is named there), with the
 * lines they were read from when those lines are a byline rather than prose.
 */
export function findByline(blocks: readonly TextBlock[]): Byline {
  const { speakers, lines } = readByline(blocks);
  return { speakers, lines: lines.filter((at) => !inSentence(blocks[at.block]!.lines, at.line)) };
}

function readByline(blocks: readonly TextBlock[]): Byline {
  const first = blocks.slice(0, 3);
  const label = labelled(blocks);
  if (label) return label;
  const by = first[0]?.lines[0]?.match(BY);
  const byPeople = by ? speakerLine(by[1]!) : [];
  if (byPeople.length) return { speakers: byPeople, lines: [{ block: 0, line: 0 }] };
  for (const [b, block] of first.entries()) {
    // A list under a heading holds talks or notes, not the heading's speaker line.
    if (block.tag === 'li') continue;
    for (const [l, line] of block.lines.slice(0, 3).entries()) {
      const fromLine = speakerLine(line);
      if (fromLine.length) return { speakers: fromLine, lines: [{ block: b, line: l }] };
    }
  }
  const han = first[0]?.text.match(HAN_BIO);
  if (han && isNameLike(han[1]!)) {
    const names = first.map((b) => b.text.match(HAN_BIO)?.[1]).filter((n): n is string => !!n);
    return inProse(names.map((name) => ({ name, handle: null, affiliation: null })));
  }
  // Only the section's first paragraph may name its speaker in prose; later names are mentions.
  const fromProse = first[0] ? proseSpeakers(first[0].text) : [];
  if (fromProse.length) return inProse(fromProse);
  for (const block of blocks.slice(0, 5)) {
    if (!block.text.includes('@')) continue;
    for (const sentence of block.lines.flatMap((l) => l.split(/(?<=[.!?])\s/))) {
      const fromHandle = handled(sentence);
      if (fromHandle.length) return inProse(fromHandle);
    }
  }
  return inProse(profileInOpening(first[0]));
}
