/**
 * Talks given as labelled fields: "Speaker: Jane Doe — Talk: Tides of data" in a heading, or
 * a paragraph whose lines read "Talk: Tides of data" and "Speaker: Jane Doe (Acme)". Both a
 * title and a speaker label are needed; one label alone is a byline or a plain heading.
 */
import type { ExtractedSpeaker, TalkKind } from '../../model.ts';
import type { Block, TextBlock } from './blocks.ts';
import type { LineRef } from './byline.ts';
import { speakersAhead } from './phrase-forms.ts';

const TITLE_LABEL =
  '(?:talk|talk title|title|titre|session|sujet|subject|topic|keynote|workshop|atelier|lightning talk|conférence|标题|题目|主题|议题|演讲主题)';
const SPEAKER_LABEL =
  '(?:speakers?|speaker\\(s\\)|presenters?|presented by|présentée?s? par|intervenante?s?|orateurs?|oratrices?|conférencière?s?|讲师|演讲者|演讲嘉宾|分享嘉宾|嘉宾|讲者)';
const IS_SPEAKER_LABEL = new RegExp(`^${SPEAKER_LABEL}$`, 'iu');
/**
 * A label opens the text or follows a separator: "Speaker: X — Talk: Y", "Talk: Y | Speaker: X"; a
 * Chinese one may follow a single space ("主题：… 讲师：…").
 */
const INLINE_LABEL = new RegExp(
  `(?:^|\\s[-–—|/·•]\\s+|[,;，；]\\s*|\\s{2,}|\\s(?=\\p{Script=Han}))(${TITLE_LABEL}|${SPEAKER_LABEL})\\s*[:：]\\s*`,
  'giu',
);
const LINE_LABEL = new RegExp(`^(${TITLE_LABEL}|${SPEAKER_LABEL})\\s*[:：]\\s*(.+)$`, 'iu');

export interface LabelledTalk {
  title: string;
  speakers: ExtractedSpeaker[];
  kind: TalkKind | null;
}

interface Field {
  label: string;
  value: string;
}

/** The title, speakers and kind from fields, when there is one of each and the people read as names. */
function fromFields(fields: readonly Field[]): LabelledTalk | null {
  const title = fields.find((f) => !IS_SPEAKER_LABEL.test(f.label));
  const people = fields.find((f) => IS_SPEAKER_LABEL.test(f.label));
  if (!title || !people) return null;
  const speakers = speakersAhead(people.value.replace(/[\s–—|/-]+$/, ''));
  const name = title.value.replace(/^[\s"“«]+|[\s"”»–—|/,;-]+$/gu, '');
  if (!speakers.length || name.length < 2) return null;
  const kind = /keynote/i.test(title.label)
    ? 'keynote'
    : /workshop|atelier/i.test(title.label)
      ? 'workshop'
      : null;
  return { title: name, speakers, kind: /lightning/i.test(title.label) ? 'lightning' : kind };
}

/** "Speaker", "讲师": a label that names the speakers, never a title. */
export function isSpeakerLabel(text: string): boolean {
  return IS_SPEAKER_LABEL.test(text.trim());
}

/**
 * A title line, then a line `below` (at `ref`) that labels the speakers: the talk, with that
 * line as its byline. A title ending like a sentence is prose, not a title.
 */
function titleOverLabel(title: string, below: string | undefined, ref: LineRef) {
  const field = lineField(below);
  if (!field || !IS_SPEAKER_LABEL.test(field.label) || /[.!?;:]$/.test(title)) return null;
  const talk = fromFields([{ label: 'title', value: title }, field]);
  return talk ? { ...talk, lines: [ref] } : null;
}

/**
 * "[Title]" then "Speaker: Jane Doe" in the next item or paragraph (often a nested list): the
 * first is the title when it is one short line, an item or a paragraph that is all bold or a link.
 */
function titleAbove(blocks: readonly Block[], at: number): (LabelledTalk & { lines: LineRef[] }) | null {
  const block = blocks[at] as TextBlock;
  const next = blocks[at + 1];
  if (next?.type !== 'text' || block.lines.length !== 1 || block.text.length > 150) return null;
  if (!(block.tag === 'li' && block.depth === 0) && !(block.tag === 'p' && block.lead === block.text))
    return null;
  return titleOverLabel(block.text, next.lines[0], { block: at + 1, line: 0 });
}

/** "**[Title]**<br>Speakers: Jane Doe, Bo Li": a bold or linked first line, then the speakers' label. */
function titleLine(block: TextBlock, at: number): (LabelledTalk & { lines: LineRef[] }) | null {
  const first = block.lines[0];
  if (block.lines.length < 2 || !first || block.lead !== first) return null;
  return titleOverLabel(first, block.lines[1], { block: at, line: 1 });
}

/** "Speaker: Russ Cox — Talk: Go generics draft": labelled fields in one phrase. */
export function labelledPhrase(text: string): LabelledTalk | null {
  if (!text.includes(':') && !text.includes('：')) return null;
  const matches = [...text.matchAll(INLINE_LABEL)];
  if (matches.length < 2) return null;
  const fields = matches.map((m, i) => ({
    label: m[1]!,
    value: text.slice(m.index + m[0].length, matches[i + 1]?.index ?? text.length).trim(),
  }));
  return fromFields(fields);
}

function lineField(line: string | undefined): Field | null {
  const match = line?.match(LINE_LABEL);
  return match ? { label: match[1]!, value: match[2]!.trim() } : null;
}

/**
 * A paragraph or item whose first lines are labelled fields, the speaker's perhaps in the next
 * paragraph; with the lines they fill, which the talk's notes leave out.
 */
export function labelledBlock(
  blocks: readonly Block[],
  at: number,
): (LabelledTalk & { lines: LineRef[] }) | null {
  const block = blocks[at];
  if (block?.type !== 'text') return null;
  if (!lineField(block.lines[0])) return titleLine(block, at) ?? titleAbove(blocks, at);
  const fields: Field[] = [];
  const lines: LineRef[] = [];
  for (const [line, text] of block.lines.slice(0, 4).entries()) {
    const field = lineField(text);
    if (!field) break;
    fields.push(field);
    lines.push({ block: at, line });
  }
  const next = blocks[at + 1];
  const below =
    next?.type === 'text' && lines.length === block.lines.length ? lineField(next.lines[0]) : null;
  if (below && IS_SPEAKER_LABEL.test(below.label) && !fields.some((f) => IS_SPEAKER_LABEL.test(f.label))) {
    fields.push(below);
    lines.push({ block: at + 1, line: 0 });
  }
  const talk = fromFields(fields);
  return talk ? { ...talk, lines } : null;
}
