/**
 * What a talk's title is once read: its kind ("Keynote: …", "Lightning talk"), and the title
 * itself without quotes, numbering, time slots, kind labels or a trailing speaker label.
 */
import type { TalkKind } from '../../model.ts';

/** Any of the words `kindOf` looks for: one scan, where most texts name no kind. */
const ANY_KIND =
  /lightning|éclair|闪电|keynote|主题演讲|workshop|atelier|hands[- ]on|工作坊|\bpanel\b|table ronde|圆桌/i;

export function kindOf(text: string): TalkKind | null {
  if (!ANY_KIND.test(text)) return null;
  if (/lightning|éclair|闪电/i.test(text)) return 'lightning';
  if (/keynote|主题演讲/i.test(text)) return 'keynote';
  if (/workshop|atelier|hands[- ]on|工作坊/i.test(text)) return 'workshop';
  if (/\bpanel\b|table ronde|圆桌/i.test(text)) return 'panel';
  return null;
}

/**
 * At most three words, as `text.split(/\s+/)` counts them: tested without splitting, which
 * builds an array and a string per word.
 */
export const AT_MOST_THREE_WORDS = /^\S*(?:\s+\S*){0,2}$/;
/** Three words or more, counted the same way: two runs of spaces. */
export const THREE_WORDS_OR_MORE = /\s\S+\s/;

/** Whitespace that collapsing changes: a run of two or more, or one that is not a space. */
export const SPACES = /\s{2,}|[^\S ]/g;

/** Characters stripped from the start and from the end of a title. */
const OPENING_MARK = /^[\s"“”«»„:*_#–—-]/;
const CLOSING_MARK = /[\s"“”«»„:,*_–—-]/;

/** "《标题》 讲师": a speaker label left at the end of a title once the name after it is read. */
const TRAILING_LABEL = /\s*(?:讲师|演讲者|演讲嘉宾|分享嘉宾|嘉宾|讲者|分享人)\s*$/u;
/** A title wholly in Chinese title marks: "《云原生之路》". */
const BOOK_MARKS = /^《([^《》]+)》$/u;

/** "10:30 – ", "9h00-9h45 ": the time slot of a programme, which opens no title. */
export const TIME_SLOT = /^\d{1,2}[:h]\d{2}(?:\s*[-–]\s*\d{1,2}[:h]\d{2})?\s*[-–—|:]?\s+/;

/** "Lightning talk: Rust in 5 minutes": a kind label and a colon before the title itself. */
const KIND_LABEL =
  /^(?:lightning(?: talk)?|keynote|opening keynote|closing keynote|workshop|atelier|panel|quickie|talk|session)\s*(?:#?\d{1,3})?\s*[:：]\s+(?=\S)/i;

export function cleanTitle(text: string): string {
  // The marks are stripped only when the first or last character is one: the pattern scans it all.
  const marked = OPENING_MARK.test(text) || CLOSING_MARK.test(text.slice(-1));
  const last = text.charCodeAt(text.length - 1);
  // Han labels and marks are looked for only where the title ends in a CJK character or mark.
  const han = last >= 0x3000 ? text.replace(TRAILING_LABEL, '').replace(BOOK_MARKS, '$1') : text;
  return (
    (marked ? han.replace(/^[\s"“”«»„:*_#–—-]+|[\s"“”«»„:,*_–—-]+$/gu, '') : han)
      // "1. The Mess We're In": the author's numbering is not part of the title.
      .replace(/^\d{1,2}[.)]\s+/, '')
      // "10:30 – Title", "9h00-9h45 Title": nor is the time slot of a programme.
      .replace(TIME_SLOT, '')
      .replace(KIND_LABEL, '')
      .replace(SPACES, ' ')
      .trim()
  );
}
