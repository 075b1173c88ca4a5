/**
 * Where a talk's conference may be written, for posts that cover several: its own heading,
 * list item or line; the table columns of its row; the headings above it; the first sentence
 * of its notes. Only these short texts are read, never the whole post.
 */
import type { Block } from './blocks.ts';
import type { Found } from './prose.ts';
import type { RowEdition } from './tables.ts';

export interface ConferenceCues {
  /** The talk's own heading, or the first sentence of its item or paragraph. */
  own: string;
  /** The edition its table row gives in columns, when the table has them. */
  row: RowEdition | null;
  /** The headings above the talk, nearest first. */
  headings: string[];
  /** The first sentence of the notes under a talk's heading ("*React Europe 2015, Paris.* Dan…"). */
  notes: string;
}

const MAX_SENTENCE = 300;
/** A sentence ends at ".", "!" or "?" before a space, except after "St.", "Dr."… and initials. */
const SENTENCE_END = /(?<!\b(?:St|Dr|Mr|Mrs|Ms|Jr|Sr|Prof|vs|[A-Z]))[.!?](?=\s)/u;

export function firstSentence(text: string): string {
  const head = text.slice(0, MAX_SENTENCE);
  const end = SENTENCE_END.exec(head);
  return end ? head.slice(0, end.index + 1) : head;
}

/** For each block, the texts of the headings above it, nearest first (a heading's own excluded). */
export function headingContexts(blocks: readonly Block[]): string[][] {
  const stack: { level: number; text: string }[] = [];
  let current: string[] = [];
  return blocks.map((block) => {
    if (block.type !== 'heading') return current;
    while (stack.length && stack[stack.length - 1]!.level >= block.level) stack.pop();
    const above = stack.map((h) => h.text).reverse();
    stack.push({ level: block.level, text: block.text });
    current = [block.text, ...above];
    return above;
  });
}

/** The cues of a talk whose section ends before `end`. */
export function cuesOf(
  blocks: readonly Block[],
  talk: Found & { row?: RowEdition | null },
  contexts: readonly string[][],
  end: number,
): ConferenceCues {
  const own = blocks[talk.start]!;
  const headings = contexts[talk.start] ?? [];
  if (talk.level === 7) return { own: firstSentence(own.text), row: talk.row ?? null, headings, notes: '' };
  for (let i = talk.start + 1; i < end; i++) {
    const block = blocks[i]!;
    if (block.type === 'text' && block.text.trim())
      return { own: own.text, row: null, headings, notes: firstSentence(block.text) };
  }
  return { own: own.text, row: null, headings, notes: '' };
}
