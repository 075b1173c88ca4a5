/**
 * Talks that need the blocks around one to be read: a speaker-first item or paragraph (its
 * reading settled by its siblings, see speaker-first.ts); "**Title** – *Jane Doe*." paragraphs,
 * a title heading over a name heading and a title line over a name line (each where the post
 * repeats it); labelled lines ("Talk: …" / "Speaker: …"); and a definition list whose term is
 * the title and whose description opens with the speaker ("<dt>Title</dt><dd>Jane Doe</dd>").
 */
import type { TalkKind } from '../../model.ts';
import { parseSpeakerList, startsWithName } from '../speakers.ts';
import type { Block, TextBlock } from './blocks.ts';
import type { LineRef } from './byline.ts';
import { isContainerHeading, isNonTalkHeading, saysNotSeen } from './classify.ts';
import type { ItemTalk } from './items.ts';
import { fromLead, itemTalk } from './items.ts';
import { labelledBlock } from './labels.ts';
import { nameOnTopic } from './name-on-topic.ts';
import { parsePhrase, type TitledPhrase } from './patterns.ts';
import { withoutResourceLinks } from './phrase-forms.ts';
import { speakerFirstPhrases } from './speaker-first.ts';
import { AT_MOST_THREE_WORDS, cleanTitle, kindOf } from './titles.ts';

export interface ShapedTalk extends ItemTalk {
  /** Lines that only name the talk and its speakers: its notes leave them out. */
  byline?: LineRef[];
}

/** "<dt>Title</dt><dd>Jane Doe — notes</dd>": the people that open the description. */
function fromDefinition(blocks: readonly Block[], at: number, block: TextBlock): ShapedTalk | null {
  const next = blocks[at + 1];
  if (block.tag !== 'dt' || next?.type !== 'text' || next.tag !== 'dd') return null;
  const title = cleanTitle(block.text);
  if (title.length < 3 || title.length > 150 || parseSpeakerList(title).length || itemTalk(block))
    return null;
  const head = (next.lines[0] ?? '')
    .replace(/^(?:by|par|von)\s+/i, '')
    .split(/\s[-–—|:]\s|[.;:](?:\s|$)/)[0]!;
  const speakers = parseSpeakerList(head.trim());
  return speakers.length ? { block, title, speakers, kind: kindOf(title) ?? 'talk' } : null;
}

/**
 * The kind each block's nearest heading gives ("Lightning talks", "Workshops"), or null: items
 * listed under such a heading are talks of that kind unless they say otherwise.
 */
export function sectionKinds(blocks: readonly Block[]): (TalkKind | null)[] {
  let kind: TalkKind | null = null;
  return blocks.map((block) => {
    // Only a short heading names a kind of session; "Two talks worth more than keynotes" does not.
    if (block.type === 'heading') kind = AT_MOST_THREE_WORDS.test(block.text) ? kindOf(block.text) : null;
    return kind;
  });
}

/**
 * Paragraphs that open like list items, "**Title** – *Jane Doe*. Notes…": read where the post
 * does it at least twice, as one bold lead in prose ("**Update** - …") is no talk.
 */
function leadParagraphs(blocks: readonly Block[]): Map<number, TitledPhrase> {
  return repeated(blocks, (block) => {
    if (block.type !== 'text' || block.tag !== 'p' || !block.lead || !block.text.startsWith(block.lead))
      return null;
    const talk = fromLead(block);
    const title = talk?.title ? withoutResourceLinks(talk.title) : null;
    return talk ? { title, speakers: talk.speakers, confirmed: true, kind: talk.kind } : null;
  });
}

/** The readings `read` makes of the blocks, when it makes at least two: a shape the post repeats. */
function repeated(
  blocks: readonly Block[],
  read: (block: Block, at: number) => TitledPhrase | null,
): Map<number, TitledPhrase> {
  const found = new Map<number, TitledPhrase>();
  blocks.forEach((block, at) => {
    const phrase = read(block, at);
    if (phrase) found.set(at, phrase);
  });
  return found.size >= 2 ? found : new Map();
}

/**
 * Items or paragraphs of two lines, a bold or linked title then only a name: "[Title]<br>*Jane
 * Doe*". Read where the post does it at least twice, as a lone bold line over a name may be a quote.
 */
function nameUnderTitle(blocks: readonly Block[]): Map<number, TitledPhrase> {
  return repeated(blocks, (block) => {
    if (block.type !== 'text' || (block.tag !== 'li' && block.tag !== 'p') || block.lines.length !== 2)
      return null;
    const [title, name] = block.lines as [string, string];
    if (block.lead !== title || /[.!?;:]$/.test(title) || name.length > 80 || /[.!?]$/.test(name))
      return null;
    const speakers = parseSpeakerList(name);
    return speakers.length
      ? { title: cleanTitle(title), speakers, confirmed: true, kind: kindOf(title) }
      : null;
  });
}

/** Readings of headings, items and paragraphs made with the whole post in view. */
export function blockPhrases(
  blocks: readonly Block[],
  recap: () => boolean = () => true,
): Map<number, TitledPhrase> {
  const phrases = speakerFirstPhrases(blocks, recap);
  const shapes = [...leadParagraphs(blocks), ...titleOverName(blocks), ...nameUnderTitle(blocks)];
  for (const [at, phrase] of [...shapes, ...nameOnTopic(blocks, recap)])
    if (!phrases.has(at)) phrases.set(at, phrase);
  return phrases;
}

/** The talk that one of these shapes reads in the block at `at`, or null when none does. */
export function shapedTalk(
  blocks: readonly Block[],
  at: number,
  phrases: ReadonlyMap<number, TitledPhrase>,
): ShapedTalk | null {
  const block = blocks[at];
  if (block?.type !== 'text' || block.tag === 'tr') return null;
  const phrase = phrases.get(at);
  if (phrase?.title && !saysNotSeen(block.lines[0] ?? ''))
    return { block, title: phrase.title, speakers: phrase.speakers, kind: phrase.kind ?? 'talk' };
  const labelled = block.depth > 1 ? null : labelledBlock(blocks, at);
  if (labelled)
    return {
      block,
      title: labelled.title,
      speakers: labelled.speakers,
      kind: labelled.kind ?? 'talk',
      byline: labelled.lines,
    };
  return fromDefinition(blocks, at, block);
}

/**
 * "### Accessibility for everyone" directly followed by "#### Jane Doe": a title heading whose
 * speaker is the name-only heading under it, where the post does it at least twice. The name
 * heading then sits inside the talk's section, so it is no talk of its own.
 */
export function titleOverName(blocks: readonly Block[]): Map<number, TitledPhrase> {
  return repeated(blocks, (block, at) => {
    const next = blocks[at + 1];
    if (block.type !== 'heading' || next?.type !== 'heading' || next.level <= block.level) return null;
    // A name heading is short and opens like a name: most headings are ruled out before parsing.
    if (next.text.length > 80 || !startsWithName(next.text)) return null;
    if (isNonTalkHeading(block.text) || isContainerHeading(block.text) || parsePhrase(block.text))
      return null;
    const name = parsePhrase(next.text);
    if (!name || name.confirmed || name.title || !name.speakers.length) return null;
    return {
      title: cleanTitle(block.text),
      speakers: name.speakers,
      confirmed: true,
      kind: kindOf(block.text),
    };
  });
}
