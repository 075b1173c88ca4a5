/**
 * Talks named in list items and bold runs: "**Title**, Speaker", "Title (Speaker): comment",
 * "Title by Speaker", "Title - slides by @handle", and "**Title by Speaker, Company**" inside
 * prose. Items that name no one (topic lists, agendas) are not talks.
 */
import type { ParentNode } from 'domhandler';
import type { ExtractedSpeaker, TalkKind } from '../../model.ts';
import { parseSpeakerList } from '../speakers.ts';
import type { Block, TextBlock } from './blocks.ts';
import { saysNotSeen } from './classify.ts';
import { parsePhrase } from './patterns.ts';
import { proseSpeakers } from './prose-speakers.ts';
import { cleanTitle, kindOf, THREE_WORDS_OR_MORE } from './titles.ts';

export interface ItemTalk {
  block: TextBlock;
  title: string | null;
  speakers: ExtractedSpeaker[];
  kind: TalkKind;
}

/** "**Title**, Speaker …": the lead is the title when people follow it. */
export function fromLead(block: TextBlock): ItemTalk | null {
  const lead = block.lead;
  if (!lead || lead.length < 3) return null;
  const first = block.lines[0] ?? '';
  // "**Title** (keynote) by Jane Doe": a kind in parentheses sits between title and speaker.
  const rest = first.slice(first.indexOf(lead) + lead.length);
  const kindNote = rest.match(/^\s*\((keynote|workshop|panel|lightning(?: talk)?|talk)\)/i);
  const after = kindNote ? rest.slice(kindNote[0].length) : rest;
  const match = after.match(
    /^\s*(?:,|by|par|-|–|—|\()\s*((?:[^.:;!?()]|(?<=\s\p{Lu})\.)+?)\s*(?:\)|[:;!?]|(?<!\s\p{Lu})\.|\s[-–—]\s|$)/u,
  );
  if (!match) return null;
  const speakers = parseSpeakerList(match[1]!);
  if (!speakers.length) return null;
  const kind = kindOf(lead) ?? (kindNote ? kindOf(kindNote[1]!) : null) ?? 'talk';
  return { block, title: cleanTitle(lead), speakers, kind };
}

/** "Title (Speaker): comment" or "Title by Speaker, and then…": the phrase before the comment. */
function fromPhrase(block: TextBlock): ItemTalk | null {
  const first = block.lines[0] ?? '';
  // The phrase may be followed by a comment: "Title (Speaker): great", "Title (Speaker) Conf 2012".
  const toParen = first.slice(0, first.indexOf(')') + 1);
  const colon = first.search(/\s?:\s/);
  const toColon = colon < 0 ? first : first.slice(0, colon);
  // Usually two of them are the same line: it is read once (and no array nor set is built).
  return (
    phraseTalk(block, first, first) ??
    (toParen === first ? null : phraseTalk(block, toParen, first)) ??
    (toColon === first || toColon === toParen ? null : phraseTalk(block, toColon, first))
  );
}

function phraseTalk(block: TextBlock, candidate: string, first: string): ItemTalk | null {
  const phrase = parsePhrase(candidate);
  if (!phrase?.confirmed || !phrase.title || !phrase.speakers.length) return null;
  return {
    block,
    title: phrase.title,
    speakers: phrase.speakers,
    kind: phrase.kind ?? kindOf(first) ?? 'talk',
  };
}

const SIGNAL_CUE = /slides|@/i;

/** "Title - slides by @handle", "Title - slides": a talk known by its slides or handle only. */
function fromSignal(block: TextBlock): ItemTalk | null {
  const line = block.lines[0] ?? '';
  // What follows the title must say "slides" or name a handle: most lines hold neither.
  if (!SIGNAL_CUE.test(line)) return null;
  const title = cleanTitle(line.split(/\s[-–—]\s|\s(?:slides\s+)?by\s+@|\s(?:see|note)\b/i)[0] ?? '');
  const words = title.split(' ').length;
  if (words < 3 || words > 16 || /\bslides?\b|https?:/i.test(title)) return null;
  const after = line.slice(line.indexOf(title) + title.length);
  if (!/\bslides\b|\bby\s+@\w+/i.test(after)) return null;
  return { block, title, speakers: [], kind: kindOf(title) ?? 'talk' };
}

/** "[Jane Doe]’s keynote, reminding us…": an item led by a (linked) person. */
function fromPerson(block: TextBlock): ItemTalk | null {
  if (!block.lead || !block.text.startsWith(block.lead)) return null;
  const speakers = proseSpeakers(block.text);
  if (speakers.length !== 1 || speakers[0]!.name !== block.lead) return null;
  return { block, title: null, speakers, kind: kindOf(block.lines[0] ?? '') ?? 'talk' };
}

export function itemTalk(block: TextBlock): ItemTalk | null {
  // A contents entry links to the talk's own section, which is read from its heading.
  if (block.inPageLink || block.depth > 1) return null;
  if (block.tag !== 'li' && block.tag !== 'dt') return null;
  const talk = fromLead(block) ?? fromPhrase(block) ?? fromSignal(block) ?? fromPerson(block);
  // Asked last, as most items name no talk: one the author did not see is none.
  return talk && !saysNotSeen(block.lines[0] ?? '') ? talk : null;
}

/** Link and bold texts that name a resource, not a talk: "Slides by Jane Doe". */
const GENERIC =
  /^(?:the\s+)?(?:slides?|video|recording|blog(?: post)?|article|post|photos?|link|here|talk|interview|podcast|notes)$/i;

/** "**A Title by Jane Doe, Acme**" or a link "A Title (Jane Doe)" in a paragraph. */
export function inlineTalks(block: TextBlock): ItemTalk[] {
  const talks: ItemTalk[] = [];
  for (const run of block.strong) {
    if (run.length < 8 || run.length > 200) continue;
    const phrase = parsePhrase(run);
    if (phrase?.confirmed && phrase.title && phrase.speakers.length && !GENERIC.test(phrase.title))
      talks.push({
        block,
        title: phrase.title,
        speakers: phrase.speakers,
        kind: phrase.kind ?? kindOf(run) ?? 'talk',
      });
  }
  // Asked last, as most paragraphs name no talk: one the author did not see is none.
  return talks.length && saysNotSeen(block.text) ? [] : talks;
}

/**
 * In a list where most items are clearly talks, the other items led by a linked title of a few
 * words ("[The State of State] - no slides") are talks too: the author just named no one.
 */
export function linkedSiblings(
  blocks: readonly Block[],
  taken: ReadonlySet<number>,
  talkItems: ReadonlySet<number>,
): { start: number; title: string }[] {
  const byList = new Map<ParentNode, number[]>();
  blocks.forEach((block, i) => {
    const list = block.type === 'text' && block.tag === 'li' && block.depth === 0 ? block.el?.parent : null;
    if (!list) return;
    const items = byList.get(list);
    if (items) items.push(i);
    else byList.set(list, [i]);
  });
  const extra: { start: number; title: string }[] = [];
  for (const items of byList.values()) {
    const sure = items.filter((i) => talkItems.has(i)).length;
    if (sure < 3 || sure < items.length * 0.4) continue;
    for (const i of items) {
      const block = blocks[i] as TextBlock;
      if (talkItems.has(i) || taken.has(i) || !block.links.includes(block.lead ?? '')) continue;
      if (!block.lead || !THREE_WORDS_OR_MORE.test(block.lead)) continue;
      extra.push({ start: i, title: cleanTitle(block.lead!) });
    }
  }
  return extra;
}
