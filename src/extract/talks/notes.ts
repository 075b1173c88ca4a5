/**
 * A talk's notes: the blocks of its section, joined. They are read twice, with the lines that
 * only name its speakers (topics may be named in an affiliation) and without them (the text
 * the archive shows, since the speakers are read from those lines).
 */

import type { Block } from './blocks.ts';
import type { LineRef } from './byline.ts';
import type { Found } from './prose.ts';

const MAX_NOTES = 20_000;

/** The index after a talk's section: up to the next talk or a heading as high as its own. */
export function sectionEnd(blocks: readonly Block[], talk: Found, starts: ReadonlySet<number>): number {
  let i = talk.start + 1;
  while (i < blocks.length && !starts.has(i)) {
    const block = blocks[i]!;
    if (block.type === 'heading' && block.level <= talk.level) break;
    i++;
  }
  return i;
}

export interface Notes {
  /** Without the byline lines. */
  text: string;
  /** With them. */
  section: string;
}

/** The notes of a talk whose section ends before `end`: its own block when it is no heading, then its section. */
export function notesOf(blocks: readonly Block[], talk: Found, end: number): Notes {
  const first = talk.level === 7 ? talk.start : talk.start + 1;
  const parts: string[] = [];
  for (let i = first; i < end; i++) if (blocks[i]!.text) parts.push(blocks[i]!.text);
  const whole = parts.join(' ');
  const section = whole.slice(0, MAX_NOTES);
  const byline = talk.byline;
  if (!byline?.length) return { text: section, section };
  // Byline lines that open the notes are cut as a slice of the same text: no second copy.
  const opening = openingByline(blocks, first, end, byline);
  if (opening !== null) return { text: whole.slice(opening, opening + MAX_NOTES), section };
  return { text: withoutLines(blocks, first, end, byline).slice(0, MAX_NOTES), section };
}

/**
 * The length the byline lines take at the start of the joined notes, a space after each; null
 * when one of them comes after other text. Each block's text is its lines joined by spaces.
 */
function openingByline(
  blocks: readonly Block[],
  first: number,
  end: number,
  byline: readonly LineRef[],
): number | null {
  let chars = 0;
  let i = first;
  let line = 0;
  for (; i < end; i++, line = 0) {
    const block = blocks[i]!;
    if (block.type !== 'text') break;
    while (line < block.lines.length && byline.some((at) => at.block === i && at.line === line))
      chars += block.lines[line++]!.length + 1;
    if (line < block.lines.length) break;
  }
  // Lines outside the notes, or of a heading, are never left out: they do not count.
  const counts = (at: LineRef) => at.block >= first && at.block < end && blocks[at.block]!.type === 'text';
  const opens = (at: LineRef) => at.block < i || (at.block === i && at.line < line);
  return byline.every((at) => !counts(at) || opens(at)) ? chars : null;
}

/** The notes without the byline lines, wherever they are. */
function withoutLines(
  blocks: readonly Block[],
  first: number,
  end: number,
  byline: readonly LineRef[],
): string {
  const skipped = new Map<number, Set<number>>();
  for (const { block, line } of byline) skipped.set(block, (skipped.get(block) ?? new Set()).add(line));
  const parts: string[] = [];
  for (let i = first; i < end; i++) {
    const block = blocks[i]!;
    const skip = skipped.get(i);
    const text =
      skip && block.type === 'text' ? block.lines.filter((_, l) => !skip.has(l)).join(' ') : block.text;
    if (text) parts.push(text);
  }
  return parts.join(' ');
}
