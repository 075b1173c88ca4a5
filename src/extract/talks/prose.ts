/**
 * Talks read from paragraphs rather than headings or lists: paragraphs that open with a
 * speaker, talks named in passing (mentions.ts), and the titles of a one-speaker post.
 */
import type { ExtractedSpeaker, ExtractedTalk, TalkKind } from '../../model.ts';
import type { Block } from './blocks.ts';
import type { LineRef } from './byline.ts';
import { type Mention, proseMention, saysAnotherTalk } from './mentions.ts';
import { speakerOfTitle, titlesOfOneSpeaker } from './one-speaker.ts';
import { proseSpeakers } from './prose-speakers.ts';
import { kindOf } from './titles.ts';

/** A talk found in the blocks, before its notes, topics and anchor are settled. */
export interface Found extends Omit<ExtractedTalk, 'text' | 'topics' | 'conference'> {
  start: number;
  /** Blocks up to this level of heading belong to the talk's notes. */
  level: number;
  /** Named in passing in a paragraph, not by a heading, list item or speaker line. */
  mention?: true;
  /** "In his second talk…": another talk by the people of the mention before. */
  again?: true;
  /** Lines under its heading that only name its speakers, by their index in the blocks. */
  byline?: LineRef[];
}

/** What the rest of the post says about who wrote it and what about. */
export interface PostContext {
  /** The post's own title, which may name the one speaker of all its talks. */
  title?: string;
  /** Its author, the speaker of "my talk". */
  author?: ExtractedSpeaker | null;
}

/**
 * Paragraphs outside talk sections: under a lightning heading, those that open with a speaker;
 * everywhere, those that name a talk in passing (see mentions.ts); and, when `all` (nothing else
 * names a talk), any that opens with a speaker. `mentions` keeps each paragraph's mention by its
 * index, for the second reading of a post where the first found nothing.
 */
export function fromProse(
  blocks: readonly Block[],
  taken: Set<number>,
  all: boolean,
  post: PostContext,
  mentions = new Map<number, Mention | null>(),
): Found[] {
  const found: Found[] = [];
  let heading: TalkKind | null = null;
  blocks.forEach((block, start) => {
    if (block.type === 'heading') heading = kindOf(block.text);
    if (block.type !== 'text' || block.tag !== 'p' || taken.has(start)) return;
    const lightning = heading === 'lightning';
    const speakers = all || lightning ? proseSpeakers(block.text) : [];
    const kind = heading ?? 'talk';
    if (speakers.length) found.push({ title: null, speakers, kind, anchor: null, start, level: 7 });
    let mention = speakers.length ? null : mentions.get(start);
    if (mention === undefined) {
      mention = proseMention(block, post.author);
      mentions.set(start, mention);
    }
    // The fields by name: V8 copies a spread that adds properties (`...mention, kind`) slowly.
    if (mention)
      found.push({
        title: mention.title,
        speakers: mention.speakers,
        kind,
        anchor: null,
        start,
        level: 7,
        mention: true,
      });
    const previous = found.at(-1);
    if (!mention && !speakers.length && previous?.mention && saysAnotherTalk(block))
      found.push({ ...previous, title: null, start, again: true });
  });
  return found;
}

/** A passing mention of people whose talk is already found names that talk, not another. */
export function withoutEchoes<T extends Found>(found: T[]): T[] {
  const known = namedElsewhere(found);
  return found.filter((talk) => {
    const names = talk.speakers.map((s) => s.name.toLowerCase());
    const echo =
      !talk.again &&
      talk.title === null &&
      talk.level === 7 &&
      names.length > 0 &&
      names.every((n) => known.has(n));
    for (const name of names) known.add(name);
    return !echo;
  });
}

/**
 * The people of talks a heading, an item or a title names: a passing mention of them names that
 * talk, even when the mention comes first ("Jane Doe presented the scheduler, see below").
 */
function namedElsewhere(found: readonly Found[]): Set<string> {
  const known = new Set<string>();
  for (const talk of found)
    if (talk.title !== null || talk.level < 7) for (const s of talk.speakers) known.add(s.name.toLowerCase());
  return known;
}

/** Talks named by title only, in a post whose title names their one speaker. */
export function fromOneSpeaker(blocks: readonly Block[], taken: Set<number>, postTitle: string): Found[] {
  const speaker = speakerOfTitle(postTitle);
  if (!speaker) return [];
  return titlesOfOneSpeaker(blocks, taken).map(({ start, title, kind }) => ({
    title,
    speakers: [speaker],
    kind: kind ?? 'talk',
    anchor: null,
    start,
    level: 7,
  }));
}
