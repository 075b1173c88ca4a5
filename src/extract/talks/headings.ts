/**
 * Talks announced by headings. Each heading is read on its own (its phrase, the speaker line
 * under it), then judged against its neighbours: the heading level where most headings are
 * clearly talks, or the children of a "Day 2" / "Sessions" heading, make uncertain ones talks.
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
import { linkedPerson } from './prose-speakers.ts';
import { cleanTitle, kindOf } from './titles.ts';

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

const confirmed = (info: HeadingInfo) =>
  !info.nonTalk && (!!info.phrase?.confirmed || info.byline.length > 0);
const nameOnly = (info: HeadingInfo) => !info.nonTalk && !!info.phrase && !info.phrase.confirmed;

/** The heading level at which `test` holds for most headings, when it holds at least twice. */
function dominantLevel(infos: readonly HeadingInfo[], test: (i: HeadingInfo) => boolean): number | null {
  // Counts by level (h1-h6; slot 0 unused) in one pass, rather than two filtered copies per level.
  const all = [0, 0, 0, 0, 0, 0, 0];
  const hits = [0, 0, 0, 0, 0, 0, 0];
  for (const info of infos) {
    if (info.nonTalk) continue;
    all[info.heading.level]!++;
    if (test(info)) hits[info.heading.level]!++;
  }
  let best: number | null = null;
  let bestCount = 1;
  for (let level = 1; level <= 6; level++) {
    const count = hits[level]!;
    if (count > bestCount && count >= all[level]! / 2) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

/** A bare "Keynote" heading is a talk among the sessions of a "Morning" or "Day 1" heading. */
function bareUnderContainer(info: HeadingInfo, parent: HeadingInfo | null): boolean {
  return !!parent?.container && isBareKind(info.heading.text) && hasContent(info);
}

/** "SOFAStack Workshop", "Opening keynote": a heading that says what kind of session it is. */
function namesKind(text: string): boolean {
  const words = text.split(/\s+/).length;
  return kindOf(text) !== null && words >= 2 && words <= 4;
}

/** Most headings beside this one (same parent, same level) are clearly talks. */
function siblingsAreTalks(info: HeadingInfo, infos: readonly HeadingInfo[]): boolean {
  const siblings = infos.filter(
    (i) => i.parent === info.parent && i.heading.level === info.heading.level && !i.nonTalk && i !== info,
  );
  const sure = siblings.filter(confirmed).length;
  return sure >= 2 && sure >= (siblings.length + 1) * 0.75;
}

function hasContent(info: HeadingInfo): boolean {
  return info.direct.some((b) => b.text.length > 20);
}

export function talkHeadings(infos: readonly HeadingInfo[]): HeadingTalk[] {
  const talkLevel = dominantLevel(infos, confirmed);
  const nameLevel = dominantLevel(infos, nameOnly);
  const isTalk: boolean[] = [];
  const insideTalk = (info: HeadingInfo): boolean => {
    for (let p = info.parent; p !== null; p = infos[p]!.parent) if (isTalk[p]) return true;
    return false;
  };
  const talks: HeadingTalk[] = [];
  infos.forEach((info, n) => {
    const inside = insideTalk(info);
    const parent = info.parent === null ? null : infos[info.parent]!;
    const level = info.heading.level;
    const yes =
      !info.notAttended &&
      (!info.nonTalk || bareUnderContainer(info, parent)) &&
      (!!info.phrase?.confirmed ||
        (!inside &&
          (info.byline.length > 0 ||
            (nameOnly(info) && level === nameLevel) ||
            (!!parent?.container && hasContent(info)) ||
            (namesKind(info.heading.text) && hasContent(info)) ||
            (level === talkLevel && hasContent(info) && siblingsAreTalks(info, infos)))));
    isTalk[n] = yes;
    if (yes) talks.push(toTalk(info, infos, nameLevel));
  });
  return talks;
}

/** "☇ Lightning ☇" followed by sibling talk headings: the nearest organising sibling says the kind. */
function kindBefore(info: HeadingInfo, infos: readonly HeadingInfo[]): TalkKind | null {
  for (let i = infos.indexOf(info) - 1; i >= 0; i--) {
    const other = infos[i]!;
    if (other.heading.level < info.heading.level) return null;
    // Only a bare marker ("☇ Lightning ☇" with its talks beside it, not below it) says the kind.
    const marker = infos[i + 1]!.heading.level <= other.heading.level;
    if (other.heading.level === info.heading.level && other.nonTalk)
      return marker ? kindOf(other.heading.text) : null;
  }
  return null;
}

/** "Opening keynote" followed by "Watch this space (Jane Doe)": the first line names the talk. */
function bareKindPhrase(info: HeadingInfo): TitledPhrase | null {
  if (!isBareKind(info.heading.text)) return null;
  const phrase = parsePhrase(info.direct[0]?.lines[0] ?? '');
  return phrase?.confirmed && phrase.speakers.length
    ? { ...phrase, kind: phrase.kind ?? kindOf(info.heading.text) }
    : null;
}

function toTalk(info: HeadingInfo, infos: readonly HeadingInfo[], nameLevel: number | null): HeadingTalk {
  const phrase = bareKindPhrase(info) ?? info.phrase;
  // A name-only heading is a speaker only where such headings are the post's pattern.
  const titled = phrase?.confirmed || !phrase || info.heading.level !== nameLevel;
  const title = titled ? (phrase?.title ?? cleanTitle(info.heading.text)) : null;
  const fromPhrase = phrase && (phrase.confirmed || !titled) && phrase.speakers.length;
  const speakers = fromPhrase
    ? phrase.speakers
    : info.byline.length
      ? info.byline
      : linkedPerson(info.direct);
  let kind = phrase?.kind ?? kindOf(info.heading.text) ?? kindBefore(info, infos);
  for (let p = info.parent; !kind && p !== null; p = infos[p]!.parent) kind = kindOf(infos[p]!.heading.text);
  return { info, title: title || null, speakers, kind: kind ?? 'talk' };
}
