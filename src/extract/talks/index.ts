/**
 * Finds the talks of a post. The article is flattened into blocks, then read three ways, in
 * order of trust: headings that announce talks, list items and bold runs that name a talk and
 * its speakers outside those sections, and — only when neither finds anything — paragraphs that
 * open with a speaker ("Jane Doe, from Acme, started the morning…"). No talk is ever invented:
 * a post without such signals gives [].
 */
import type { CheerioAPI } from 'cheerio';
import type { ExtractedTalk } from '../../model.ts';
import type { LoadedPost } from '../load.ts';
import { slugify, uniqueAnchors } from './anchor.ts';
import { type Block, flattenBlocks, type TextBlock } from './blocks.ts';
import { proseSpeakers } from './byline.ts';
import { readHeadings, talkHeadings } from './headings.ts';
import { type ItemTalk, inlineTalks, itemTalk, linkedSiblings } from './items.ts';
import { kindOf } from './patterns.ts';
import { type Columns, headerColumns, rowTalk } from './tables.ts';

interface Found extends Omit<ExtractedTalk, 'text' | 'topics' | 'conference'> {
  start: number;
  /** Blocks up to this level of heading belong to the talk's notes. */
  level: number;
}

function fromHeadings(blocks: readonly Block[]): {
  found: Found[];
  covered: Set<number>;
  skipped: Set<number>;
} {
  const infos = readHeadings(blocks);
  const found = talkHeadings(infos).map(({ info, title, speakers, kind }) => ({
    title,
    speakers,
    kind,
    anchor: info.heading.id,
    start: info.index,
    level: info.heading.level,
  }));
  const covered = new Set<number>();
  for (const talk of found) for (const i of sectionRange(blocks, talk, found)) covered.add(i);
  const skipped = new Set<number>();
  for (const info of infos)
    if (info.notAttended) for (let i = info.index; i <= endOf(blocks, info.index); i++) skipped.add(i);
  return { found, covered, skipped };
}

function endOf(blocks: readonly Block[], start: number): number {
  const head = blocks[start]!;
  const level = head.type === 'heading' ? head.level : 7;
  for (let i = start + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading' && block.level <= level) return i - 1;
  }
  return blocks.length - 1;
}

function sectionRange(blocks: readonly Block[], talk: Found, all: readonly Found[]): number[] {
  const starts = new Set(all.map((t) => t.start));
  const range: number[] = [];
  for (let i = talk.start + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (starts.has(i)) break;
    if (block.type === 'heading' && block.level <= talk.level) break;
    range.push(i);
  }
  return range;
}

function fromItems(blocks: readonly Block[], taken: Set<number>): Found[] {
  const found: Found[] = [];
  let columns: Columns | null = null;
  blocks.forEach((block, start) => {
    if (block.type !== 'text') return;
    if (block.tag === 'tr' && block.header) columns = headerColumns(block);
    if (taken.has(start)) return;
    for (const t of talksIn(block, columns)) {
      const anchor = block.el?.attribs.id || null;
      found.push({ title: t.title, speakers: t.speakers, kind: t.kind, anchor, start, level: 7 });
    }
  });
  const unnamed = linkedSiblings(blocks, taken, new Set(found.map((t) => t.start))).map(
    ({ start, title }): Found => ({ title, speakers: [], kind: 'talk', anchor: null, start, level: 7 }),
  );
  return [...found, ...unnamed].sort((a, b) => a.start - b.start);
}

function talksIn(block: TextBlock, columns: Columns | null): ItemTalk[] {
  if (block.tag === 'tr') return [rowTalk(block, columns)].filter((t) => t !== null);
  if (block.tag === 'li' || block.tag === 'dt') return [itemTalk(block)].filter((t) => t !== null);
  return inlineTalks(block);
}

/** Paragraphs that open with a speaker, everywhere (`all`) or under a lightning heading only. */
function fromProse(blocks: readonly Block[], taken: Set<number>, all: boolean): Found[] {
  const found: Found[] = [];
  let lightning = false;
  blocks.forEach((block, start) => {
    if (block.type === 'heading') lightning = kindOf(block.text) === 'lightning';
    if (block.type !== 'text' || block.tag !== 'p' || taken.has(start) || !(all || lightning)) return;
    const speakers = proseSpeakers(block.text);
    const kind = lightning ? 'lightning' : 'talk';
    if (speakers.length) found.push({ title: null, speakers, kind, anchor: null, start, level: 7 });
  });
  return found;
}

/** A talk named twice (in prose, then in a summary list) is one talk: the first mention stays. */
function withoutRepeats(found: Found[]): Found[] {
  const keyOf = (talk: Found) =>
    talk.title
      ? `${talk.title.toLowerCase()}|${talk.speakers.map((s) => s.name.toLowerCase()).join('|')}`
      : null;
  // A talk with its own section (a heading) wins over a mention of it.
  const best = new Map<string, Found>();
  for (const talk of found) {
    const key = keyOf(talk);
    const kept = key ? best.get(key) : undefined;
    if (key && (!kept || (kept.level === 7 && talk.level < 7))) best.set(key, talk);
  }
  return found.filter((talk) => {
    const key = keyOf(talk);
    return !key || best.get(key) === talk;
  });
}

function notesOf(blocks: readonly Block[], talk: Found, all: readonly Found[]): string {
  const own = talk.level === 7 ? [blocks[talk.start]!] : [];
  const rest = sectionRange(blocks, talk, all).map((i) => blocks[i]!);
  return [...own, ...rest]
    .map((b) => b.text)
    .join(' ')
    .slice(0, 20_000);
}

/** A talk with the headings it sits under, nearest first ("Day 2", "DevFest Nantes 2018"). */
export interface TalkInContext extends ExtractedTalk {
  context: string[];
}

/** For each block, the texts of the headings above it, nearest first. */
function headingContexts(blocks: readonly Block[]): string[][] {
  const stack: { level: number; text: string }[] = [];
  let current: string[] = [];
  return blocks.map((block) => {
    if (block.type === 'heading') {
      while (stack.length && stack[stack.length - 1]!.level >= block.level) stack.pop();
      current = stack.map((h) => h.text).reverse();
      stack.push({ level: block.level, text: block.text });
    }
    return current;
  });
}

export function extractTalks($: CheerioAPI, $root: LoadedPost['root']): ExtractedTalk[] {
  return findTalks($, $root).map(({ context: _context, ...talk }) => talk);
}

export function findTalks(_$: CheerioAPI, $root: LoadedPost['root']): TalkInContext[] {
  const root = $root[0];
  if (!root) return [];
  const blocks = flattenBlocks(root);
  const headings = fromHeadings(blocks);
  const taken = new Set([...headings.covered, ...headings.skipped]);
  let found = [...headings.found, ...fromItems(blocks, taken), ...fromProse(blocks, taken, false)];
  // Only when nothing else names a talk do paragraphs that open with a speaker count everywhere.
  if (!found.length) found = fromProse(blocks, taken, true);
  found = withoutRepeats(found.sort((a, b) => a.start - b.start));
  const anchors = uniqueAnchors(
    found.map((t) => t.anchor ?? (slugify(t.title ?? t.speakers.map((s) => s.name).join(' ')) || null)),
  );
  const contexts = headingContexts(blocks);
  return found.map((talk, i) => ({
    title: talk.title,
    speakers: talk.speakers,
    topics: [],
    kind: talk.kind,
    anchor: anchors[i] ?? null,
    conference: null,
    text: notesOf(blocks, talk, found),
    context: talk.level === 7 ? contexts[talk.start]! : [blocks[talk.start]!.text, ...contexts[talk.start]!],
  }));
}
