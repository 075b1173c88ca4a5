/** The text of a heading, as the talk readers see it. */
import type { Element } from 'domhandler';
import { parseSpeakerList } from '../speakers.ts';
import { blockText } from '../text.ts';

/**
 * "Title <small>Jane Doe</small>": a name set apart at the end of a heading is its speaker,
 * written as "Title — Jane Doe" so that the heading reads like the usual "Title - Speaker".
 */
export function headingText(el: Element): string {
  const last = el.children.findLast((child) => child.type !== 'text' || child.data.trim() !== '');
  if (last?.type !== 'tag' || (last.name !== 'small' && last.name !== 'cite')) return blockText([el]);
  const title = blockText(el.children.slice(0, el.children.indexOf(last)));
  const people = blockText([last]);
  return title && parseSpeakerList(people).length ? `${title} — ${people}` : blockText([el]);
}
