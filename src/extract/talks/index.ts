/**
 * Finds the talks of a post. The article is flattened into blocks, then read in order of
 * trust: headings that announce talks; list items and bold runs that name a talk and its
 * speakers outside those sections; paragraphs that name a talk in passing ("a talk by Jane
 * Doe", "[Title] by [Jane Doe]"); only when none of these finds anything, paragraphs that open
 * with a speaker ("Jane Doe, from Acme, started the morning…"); and last, in a post whose title
 * names one speaker and talks, the titles it lists. No talk is ever invented: a post without
 * such signals gives [].
 */
import type { CheerioAPI } from 'cheerio';
import type { ExtractedTalk } from '../../model.ts';
import type { LoadedPost } from '../load.ts';
import { slugify, uniqueAnchors } from './anchor.ts';
import { type Block, flattenBlocks, type TextBlock } from './blocks.ts';
import { readsAsRecap } from './classify.ts';
import { type ConferenceCues, cuesOf, headingContexts } from './cues.ts';
import { talkHeadings } from './heading-talks.ts';
import { readHeadings } from './headings.ts';
import { blockPhrases, sectionKinds, shapedTalk } from './item-shapes.ts';
import { type ItemTalk, inlineTalks, itemTalk, linkedSiblings } from './items.ts';
import type { Mention } from './mentions.ts';
import { notesOf, sectionEnd } from './notes.ts';
import type { TitledPhrase } from './patterns.ts';
import { type Found, fromOneSpeaker, fromProse, type PostContext, withoutEchoes } from './prose.ts';
import { readsAsReleaseNotes } from './release-notes.ts';
import { type Columns, headerColumns, type RowEdition, rowEdition, rowTalk } from './tables.ts';

type FoundInRow = Found & { row?: RowEdition | null };

/** The talks that headings announce, and the blocks they take: their sections, and those not attended. */
function fromHeadings(
  blocks: readonly Block[],
  phrases: ReadonlyMap<number, TitledPhrase>,
): { found: Found[]; taken: Set<number> } {
  const infos = readHeadings(blocks, phrases);
  const found = talkHeadings(infos).map(({ info, title, speakers, kind }) => ({
    title,
    speakers,
    kind,
    anchor: info.heading.id,
    start: info.index,
    level: info.heading.level,
    byline: info.bylineLines,
  }));
  const taken = new Set<number>();
  const starts = new Set(found.map((t) => t.start));
  for (const talk of found)
    for (let i = talk.start + 1, end = sectionEnd(blocks, talk, starts); i < end; i++) taken.add(i);
  for (const info of infos)
    if (info.notAttended)
      for (let i = info.index, end = endOf(blocks, info.index); i <= end; i++) taken.add(i);
  return { found, taken };
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

function fromItems(
  blocks: readonly Block[],
  taken: Set<number>,
  phrases: ReadonlyMap<number, TitledPhrase>,
): FoundInRow[] {
  const found: FoundInRow[] = [];
  let columns: Columns | null = null;
  const kinds = sectionKinds(blocks);
  blocks.forEach((block, start) => {
    if (block.type !== 'text') return;
    if (block.tag === 'tr' && block.header) columns = headerColumns(block);
    if (taken.has(start)) return;
    const shaped = shapedTalk(blocks, start, phrases);
    for (const t of shaped ? [shaped] : talksIn(block, columns)) {
      const anchor = block.el?.attribs.id || null;
      const row = block.tag === 'tr' ? rowEdition(block, columns) : null;
      const kind = t.kind === 'talk' ? (kinds[start] ?? 'talk') : t.kind;
      found.push({ title: t.title, speakers: t.speakers, kind, anchor, start, level: 7, row });
    }
    if (shaped?.byline) found[found.length - 1]!.byline = shaped.byline;
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

/** A talk named twice (in prose, then in a summary list) is one talk: the first mention stays. */
function withoutRepeats<T extends Found>(found: T[]): T[] {
  // Each key is built once: a talk's title and speakers, lower-cased.
  const keys = found.map((talk) =>
    talk.title
      ? `${talk.title.toLowerCase()}|${talk.speakers.map((s) => s.name.toLowerCase()).join('|')}`
      : null,
  );
  // A talk with its own section (a heading) wins over a mention of it.
  const best = new Map<string, Found>();
  found.forEach((talk, i) => {
    const key = keys[i];
    const kept = key ? best.get(key) : undefined;
    if (key && (!kept || (kept.level === 7 && talk.level < 7))) best.set(key, talk);
  });
  return found.filter((talk, i) => {
    const key = keys[i];
    return !key || best.get(key) === talk;
  });
}

/** A talk with the short texts that may name its conference. */
export interface TalkInContext extends ExtractedTalk {
  cues: ConferenceCues;
  /** The notes with the byline: topics are read from them, as an affiliation may name one. */
  section: string;
}

export type { PostContext };

export function extractTalks(
  $: CheerioAPI,
  $root: LoadedPost['root'],
  post: PostContext = {},
): ExtractedTalk[] {
  return findTalks($, $root, post).map(({ cues: _cues, section: _section, ...talk }) => talk);
}

export function findTalks(
  _$: CheerioAPI,
  $root: LoadedPost['root'],
  post: PostContext = {},
): TalkInContext[] {
  const root = $root[0];
  if (!root) return [];
  const blocks = flattenBlocks(root);
  // Credits in release notes ("By Jane Doe." under each change) name no talks.
  if (readsAsReleaseNotes(post.title ?? '', blocks)) return [];
  let recap: boolean | null = null;
  const phrases = blockPhrases(blocks, () => {
    recap ??= readsAsRecap(
      post.title ?? '',
      blocks.map((block) => block.text),
    );
    return recap;
  });
  const headings = fromHeadings(blocks, phrases);
  const taken = headings.taken;
  // Each paragraph's mention, kept for the second reading below: a third of posts need one.
  const mentions = new Map<number, Mention | null>();
  const prose = fromProse(blocks, taken, false, post, mentions);
  let found: FoundInRow[] = [
    ...headings.found,
    ...fromItems(blocks, taken, phrases),
    ...prose.filter((t) => !t.mention),
  ];
  // Only when nothing else names a talk do paragraphs that open with a speaker count everywhere.
  found = found.length
    ? [...found, ...prose.filter((t) => t.mention)]
    : fromProse(blocks, taken, true, post, mentions);
  if (!found.length) found = fromOneSpeaker(blocks, taken, post.title ?? '');
  found = withoutEchoes(withoutRepeats(found.sort((a, b) => a.start - b.start)));
  const anchors = uniqueAnchors(
    found.map((t) => t.anchor ?? (slugify(t.title ?? t.speakers.map((s) => s.name).join(' ')) || null)),
  );
  const contexts = headingContexts(blocks);
  const starts = new Set(found.map((t) => t.start));
  return found.map((talk, i) => {
    // Found once, read three times: the notes, the notes with the byline, the cues.
    const end = sectionEnd(blocks, talk, starts);
    const notes = notesOf(blocks, talk, end);
    return {
      title: talk.title,
      speakers: talk.speakers,
      topics: [],
      kind: talk.kind,
      anchor: anchors[i] ?? null,
      conference: null,
      text: notes.text,
      section: notes.section,
      cues: cuesOf(blocks, talk, contexts, end),
    };
  });
}
