/**
 * Talks announced by headings, first step: each heading is read on its own (its phrase, the
 * speaker line under it, whether it is a container, a non-talk or a talk the author missed).
 * heading-talks.ts then judges each against its neighbours.
 */
import type { ExtractedSpeaker, TalkKind } from '../../model.ts';
import type { Block, HeadingBlock, TextBlock } from './blocks.ts';
import { findByline, type LineRef } from './byline.ts';
import {
  isBareKind,
  isContainerHeading,
  isNonTalkHeading,
  isNotAttendedHeading,
  isRecapTitle,
} from './classify.ts';
import { parsePhrase, type TitledPhrase } from './patterns.ts';

export interface HeadingInfo {
  index: number;
  heading: HeadingBlock;
  parent: number | null;
  direct: TextBlock[];
  phrase: TitledPhrase | null;
  byline: ExtractedSpeaker[];
  /** The lines of the byline, by their index in `blocks`: the notes leave them out. */
  bylineLines: LineRef[];
  nonTalk: boolean;
  container: boolean;
  notAttended: boolean;
}

export interface HeadingTalk {
  info: HeadingInfo;
  title: string | null;
  speakers: ExtractedSpeaker[];
  kind: TalkKind;
}

function directBlocks(blocks: readonly Block[], from: number): TextBlock[] {
  const out: TextBlock[] = [];
  for (let i = from + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') break;
    out.push(block);
  }
  return out;
}

/** The article's own title: its first heading, at the top level, alone there or worded as a recap. */
function isPostTitle(block: HeadingBlock, headings: readonly HeadingBlock[], index: number): boolean {
  // Only the first two headings may be: the others are not compared with the rest.
  if (index > 1 || headings.some((h) => h.level < block.level)) return false;
  // Site titles may come first ("Jane's blog", then "Notes from X 2014"): both sit above the talks.
  const aboveTalks = headings.slice(0, index).every((h) => h.level === block.level);
  const alone = block.level === 1 && headings.filter((h) => h.level === 1).length === 1;
  return (index === 0 && alone) || (aboveTalks && isRecapTitle(block.text));
}

/** `phrases` holds readings made with the whole post in view (see speaker-first.ts); they win. */
export function readHeadings(
  blocks: readonly Block[],
  phrases: ReadonlyMap<number, TitledPhrase> = new Map(),
): HeadingInfo[] {
  const infos: HeadingInfo[] = [];
  const headings = blocks.filter((b): b is HeadingBlock => b.type === 'heading');
  const seen = new Map<string, number>();
  for (const h of headings) seen.set(h.text, (seen.get(h.text) ?? 0) + 1);
  const stack: HeadingInfo[] = [];
  const parentIndex = new Map<HeadingInfo, number>();
  let ordinal = -1;
  blocks.forEach((block, index) => {
    if (block.type !== 'heading') return;
    ordinal++;
    while (stack.length && stack[stack.length - 1]!.heading.level >= block.level) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const phrase = phrases.get(index) ?? parsePhrase(block.text);
    // "Session 3 – Title – Jane Doe" names a talk; "Session 3" or "Session 3: Jane Doe" holds talks.
    const named = !!phrase?.confirmed && !!phrase.title && phrase.speakers.length > 0;
    const container = isContainerHeading(block.text) && !(named && !isContainerHeading(phrase.title!));
    // A heading that recurs ("Everything in sketchnotes" under each day) organises, it names no talk.
    const repeated = (seen.get(block.text) ?? 0) > 1 && !phrase?.confirmed;
    const nonTalk =
      container || repeated || isNonTalkHeading(block.text) || isPostTitle(block, headings, ordinal);
    const direct = directBlocks(blocks, index);
    const byline = nonTalk && !isBareKind(block.text) ? null : findByline(direct);
    const info: HeadingInfo = {
      index,
      heading: block,
      parent: parent ? parentIndex.get(parent)! : null,
      direct,
      phrase,
      byline: byline?.speakers ?? [],
      bylineLines: byline?.lines.map((at) => ({ block: index + 1 + at.block, line: at.line })) ?? [],
      nonTalk,
      container,
      notAttended: isNotAttendedHeading(block.text) || (parent?.notAttended ?? false),
    };
    parentIndex.set(info, infos.length);
    infos.push(info);
    stack.push(info);
  });
  return infos;
}
