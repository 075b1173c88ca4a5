/**
 * "Kelsey Hightower on Kubernetes and serverless": a heading that names a person, then what
 * they spoke about. Read as a talk with that title only where the part before "on" is a person
 * and the post is a recap of several talks or repeats the shape: "Notes on testing" or a lone
 * "Jane Doe on stage" elsewhere stays what the other readings make of it.
 */
import type { ExtractedSpeaker } from '../../model.ts';
import { isNameLike, parseSpeakerList } from '../speakers.ts';
import { isVocabulary } from '../topics.ts';
import type { Block, HeadingBlock } from './blocks.ts';
import { isContainerHeading, isNonTalkHeading } from './classify.ts';
import { isPerson, type TitledPhrase } from './patterns.ts';
import { cleanTitle, kindOf } from './titles.ts';

/** The first " on " (or French " sur "): the person sits before it, the topic after. */
const ON = /\s(?:on|sur)\s/;
/** Where a person is rather than what they spoke about. */
const NOT_TOPIC =
  /^(?:the\s+)?(?:main\s+|big\s+)?(?:stage|air|camera|video|film|screen|tour|holiday|vacation|leave)\b/i;

/** Last words of products and projects written like names: "Serverless Framework", "Docker Compose". */
const PRODUCT_WORD =
  /^(?:framework|compose|engine|stack|server|runtime|toolkit|library|sdk|cli|functions|search|summit|mesh|pipelines?|registry|cluster|native|boot|core)$/i;

/** A person, not a product: the rule of name-only headings, and no product's last word either. */
function isNamedPerson(speaker: ExtractedSpeaker): boolean {
  const last = speaker.name.slice(speaker.name.lastIndexOf(' ') + 1);
  return isNameLike(speaker.name) && isPerson(speaker) && !PRODUCT_WORD.test(last) && !isVocabulary(last);
}

/** The person and topic of one heading, or null when it is not of that shape. */
function readHeading(text: string): TitledPhrase | null {
  // Most headings have no " on ": one scan rules them out before any name is read.
  const at = text.length > 150 ? null : ON.exec(text);
  if (!at) return null;
  const before = text.slice(0, at.index).trim();
  const topic = cleanTitle(text.slice(at.index + at[0].length));
  if (topic.length < 2 || NOT_TOPIC.test(topic)) return null;
  const speakers = parseSpeakerList(before);
  if (!speakers.length || !speakers.every(isNamedPerson)) return null;
  return { title: topic, speakers, confirmed: true, kind: kindOf(topic) };
}

/** Headings at `level` that may announce a talk: neither organising ("Day 1") nor closing words. */
function talkLikeAt(headings: readonly HeadingBlock[], level: number): number {
  let count = 0;
  for (const h of headings)
    if (h.level === level && !isNonTalkHeading(h.text) && !isContainerHeading(h.text)) count++;
  return count;
}

/**
 * The "Name on Topic" headings of the post, by their index in `blocks`: all of them where there
 * are two or more; a lone one where the post reads as a recap (`recap`) and at least two other
 * headings beside it may be talks.
 */
export function nameOnTopic(blocks: readonly Block[], recap: () => boolean): Map<number, TitledPhrase> {
  const found = new Map<number, TitledPhrase>();
  const headings: HeadingBlock[] = [];
  blocks.forEach((block, at) => {
    if (block.type !== 'heading') return;
    headings.push(block);
    const phrase = readHeading(block.text);
    if (phrase) found.set(at, phrase);
  });
  if (found.size !== 1) return found;
  const [at] = found.keys();
  const level = (blocks[at!] as HeadingBlock).level;
  return recap() && talkLikeAt(headings, level) >= 3 ? found : new Map();
}
