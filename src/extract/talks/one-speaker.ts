/**
 * Posts about the talks of one person ("Bret Victor, three talks in", "Rich Hickey at
 * Clojure/conj: four talks"): the title names the speaker once, and the body names each talk by
 * its title only, as the bold lead of a list item or an italic title in a paragraph.
 */
import type { ExtractedSpeaker } from '../../model.ts';
import type { Block, TextBlock } from './blocks.ts';
import { saysNotSeen } from './classify.ts';
import { leadingNames } from './patterns.ts';
import { cleanTitle, kindOf } from './titles.ts';

const TALKS_WORD = /\b(?:talks?|keynotes?|presentations?|sessions?|conférences|interventions)\b/i;

/** The one person a post's title is about, when the title also says it is about talks. */
export function speakerOfTitle(title: string): ExtractedSpeaker | null {
  const { speakers } = leadingNames(title.replace(/^(?:the\s+)?/i, ''));
  return speakers.length === 1 && TALKS_WORD.test(title) ? speakers[0]! : null;
}

/** A title-cased run of one to twelve words: "Maybe Not", "Spec-ulation". */
function looksLikeTitle(run: string, minWords: number): boolean {
  const words = run.split(/\s+/);
  return words.length >= minWords && words.length <= 12 && /^[\p{Lu}\d"“]/u.test(run) && !/[.!?]$/.test(run);
}

function titlesIn(block: TextBlock): string[] {
  if (saysNotSeen(block.text)) return [];
  // A list item opens with its title; a paragraph names a work in italics, of two words or more.
  if (block.tag === 'li') return block.lead && looksLikeTitle(block.lead, 1) ? [block.lead] : [];
  if (block.tag !== 'p') return [];
  return block.emphasis.filter((run) => looksLikeTitle(run, 2));
}

export interface TitledTalk {
  start: number;
  title: string;
  kind: ReturnType<typeof kindOf>;
}

/** The talks of a one-speaker post, by their titles, in blocks no other reading has taken. */
export function titlesOfOneSpeaker(blocks: readonly Block[], taken: ReadonlySet<number>): TitledTalk[] {
  const found: TitledTalk[] = [];
  blocks.forEach((block, start) => {
    if (block.type !== 'text' || taken.has(start) || block.depth > 0) return;
    for (const title of titlesIn(block)) found.push({ start, title: cleanTitle(title), kind: kindOf(title) });
  });
  // One italic phrase is an aside; a post about someone's talks names several.
  return found.length >= 2 ? found : [];
}
