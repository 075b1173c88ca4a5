/**
 * Talks a paragraph names in passing, outside any talk's own section. Only the opening
 * sentence counts (a paragraph about a talk names it first), and only phrases that say "talk":
 * "a thought-provoking talk by Jane Doe", "Jane Doe's keynote on…", "listening to Jane Doe…",
 * "[A Title] by [Jane Doe]", "Jane Doe gave…" or "Jane Doe was… In her talk…", and their French
 * and Chinese forms ("présenté par Jane Doe", "Jane Doe nous a parlé de…", "Jane Doe的演讲").
 * A name alone, or a person thanked or met, is no talk.
 */
import type { ExtractedSpeaker } from '../../model.ts';
import { hasHanSurname, isNameLike, parseOneSpeaker, parseSpeakerList } from '../speakers.ts';
import type { TextBlock } from './blocks.ts';
import { saysNotSeen } from './classify.ts';
import { laterMention } from './later-mentions.ts';
import { leadingNames } from './patterns.ts';
import { cleanTitle, THREE_WORDS_OR_MORE } from './titles.ts';

export interface Mention {
  title: string | null;
  speakers: ExtractedSpeaker[];
}

// Latin letters only: in Chinese prose a name is glued to the words around it.
const NAME_WORD = "[\\p{Lu}][\\p{Script=Latin}'’.-]*(?<!['’]s)";
const NAME = `(${NAME_WORD}(?:\\s+(?:(?:de|van|von|der|le|la|du|da)\\s+)?${NAME_WORD}){1,3})`;
const TALK_WORD =
  '(?:talk|keynote|presentation|session|lecture|workshop|conférence|présentation|intervention)';

/**
 * Phrases whose captured name gave the talk the sentence is about, each behind a cheap cue:
 * a sentence without the cue is not tried against the (slower) pattern.
 */
const NAMED_BY: [cue: RegExp, pattern: RegExp][] = [
  // "a thought-provoking talk by Jane Doe", "la conférence de Jane Doe"
  [
    // As the pattern: lower case only, which also scans faster than ignoring case.
    /talk|keynote|presentation|session|lecture|workshop|conférence|présentation|intervention/,
    new RegExp(`\\b${TALK_WORD}\\s+(?:by|from|de|d['’])\\s*${NAME}`, 'u'),
  ],
  // "présenté par Jane Doe", "animée par Jane Doe", "presented by Jane Doe"
  [
    / (?:par|by) /,
    new RegExp(`\\b(?:présentée?s?|animée?s?|presented|given|delivered)\\s+(?:par|by)\\s+${NAME}`, 'u'),
  ],
  // "listening to Jane Doe explain…"
  [/listen/, new RegExp(`\\b(?:listening to|listened to)\\s+${NAME}`, 'u')],
  // "The morning started with Jane Doe and a live demo…"
  [
    / with /,
    new RegExp(`\\b(?:started|opened|began|kicked off|closed|ended|continued)\\s+with\\s+${NAME}`, 'u'),
  ],
  // "Jane Doe's keynote on…", "Jane Doe’s talk"
  [/['’]s /, new RegExp(`${NAME}['’]s\\s+(?:\\p{Ll}+\\s+)?${TALK_WORD}\\b`, 'u')],
  // "Jane Doe的开场演讲", "Jane Doe的分享": a Latin name in Chinese prose.
  [/的/, new RegExp(`${NAME}\\s*的(?:开场|主题|精彩)?(?:演讲|分享|报告|keynote|talk)`, 'u')],
  // "讲师：张三", "嘉宾：张三": a label, then a Han name.
  [
    /讲师|嘉宾|演讲者|讲者/,
    /(?:讲师|嘉宾|演讲者|讲者|分享嘉宾)\s*[：:]\s*([\p{Script=Han}]{2,4})(?=[\s，,。、（(]|$)/u,
  ],
];

const OWN_TALK = new RegExp(`\\b(?:his|her|their|son|sa|leur)\\s+(?:\\p{L}+\\s+)?${TALK_WORD}s?\\b`, 'iu');

/**
 * What a sentence that opens with a person says they did: give a talk. "Talked to me" or "spoke
 * with us" is a conversation; "talked to us" is the room.
 */
const GAVE =
  /^\s*(?:,[^,]{1,60},\s*|\s+(?:of|from|at|de|chez)\s+\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,2}\s+)?(?:gave|presented|delivered|(?:talked|spoke)(?! (?:to|with) me\b| with us\b)|demoed|demonstrated|showed(?! (?:us |me )?(?:around|the way))|explained|walked us through|discussed|opened the|closed the|kicked off|a présenté|nous a (?:parlé|présenté|montré|expliqué)|a parlé|a animé|分享了|介绍了|做了)(?!\p{L})/u;

/** A sentence ends at ".", "!" or "?" before a space (which it keeps), or at "。！？". */
// No "u" flag: every mark is one UTF-16 unit, and the plain mode scans faster.
const SENTENCE_END = /[.!?](?=\s)|[。！？]/;

function firstSentence(text: string): string {
  // Searching for the mark, not for a space preceded by one, tries far fewer positions.
  const end = SENTENCE_END.exec(text);
  if (!end) return text;
  return text.slice(0, end.index + (end[0] === '。' || end[0] === '！' || end[0] === '？' ? 1 : 2));
}

function person(raw: string): ExtractedSpeaker | null {
  const one = parseOneSpeaker(raw.trim());
  return one && isNameLike(one.name) ? { ...one, affiliation: null } : null;
}

/**
 * A space before a capital (or any non-ASCII character): every NAME has one, before its second
 * word. Most sentences have none, and one scan for it spares them a scan per cue.
 */
const SECOND_NAME_WORD = /\s[A-Z\u0080-\uffff]/;
/** The phrases without a NAME: the Han labels, always tried. */
const WITHOUT_NAME = NAMED_BY.slice(-1);

function namedBy(sentence: string): ExtractedSpeaker[] {
  for (const [cue, pattern] of SECOND_NAME_WORD.test(sentence) ? NAMED_BY : WITHOUT_NAME) {
    const match = cue.test(sentence) ? sentence.match(pattern) : null;
    const one = match?.[1] ? person(match[1]) : null;
    if (one) return [one];
  }
  return [];
}

/** "On Saturday, ", "After lunch, ", "Ensuite, ": when in the day, before the person. */
const WHEN =
  /^(?:(?:on|in|during|after|before|later|then|next|finally|first|afterwards|meanwhile|le|la|lors|après|avant|ensuite|puis|enfin)\b[^,.;:!?]{0,30},\s+|(?:then|next|later|afterwards|ensuite|puis|enfin)\s+)(?=\p{Lu})/iu;

/**
 * "Jane Doe gave…", "On Saturday, Jane Doe gave…", or "Jane Doe was on form… In his first
 * talk…": the person opens the paragraph, perhaps after when it was; then only a verb that
 * says they gave a talk counts.
 */
function opensWithSpeaker(text: string): ExtractedSpeaker[] {
  // Asked first: "On Saturday" reads like a name too.
  const when = WHEN.exec(text);
  if (when) {
    const after = leadingNames(text.slice(when[0].length));
    if (after.speakers.length) return GAVE.test(after.rest) ? after.speakers : [];
  }
  const opening = leadingNames(text);
  return opening.speakers.length ? gaveTalk(text, opening.speakers, opening.rest) : [];
}

function gaveTalk(text: string, speakers: ExtractedSpeaker[], rest: string): ExtractedSpeaker[] {
  if (GAVE.test(rest)) return speakers;
  // "Jane Doe was on form… In her first talk…": the paragraph says it was their talk.
  return OWN_TALK.test(text) ? speakers : [];
}

const ANOTHER =
  /^(?:in\s+|for\s+|during\s+)?(?:his|her|their)\s+(?:second|next|other|last|third|final|later|closing)\s+(?:talk|keynote|session|presentation)\b/iu;

/** "In his second talk, …": a paragraph about another talk of the people just named. */
export function saysAnotherTalk(block: TextBlock): boolean {
  return ANOTHER.test(block.text);
}

/** "My favourite talk was [A Title] by [Jane Doe]": a linked or bold title, then its speaker. */
function titledBy(block: TextBlock, sentence: string): Mention | null {
  for (const run of block.strong) {
    // Cheapest test first: most runs are not in the first sentence.
    const at = run.length > 120 ? -1 : sentence.indexOf(run);
    if (at < 0 || !THREE_WORDS_OR_MORE.test(run)) continue;
    const after = sentence.slice(at + run.length).match(/^,?\s+(?:by|par)\s+([^,.;:!?()]+)/u);
    const speakers = after ? parseSpeakerList(after[1]!.trim()) : [];
    if (speakers.length) return { title: cleanTitle(run), speakers };
  }
  return null;
}

const MY_TALK =
  /\b(?:my|our)\s+(?:(?:new|own|first|second|latest|brand new)\s+)?(?:talk|presentation|session|keynote|workshop)\b[,:]?\s*(?:(?:called|titled|entitled|on)\s+)?$/iu;

/** "I was giving my new presentation, [A Title]": the author's own talk, by its linked or bold title. */
function ownTalk(block: TextBlock, sentence: string, author: ExtractedSpeaker | null): Mention | null {
  const run = ownTitle(block.strong, sentence) ?? ownTitle(block.emphasis, sentence);
  return run === null ? null : { title: cleanTitle(run), speakers: author ? [author] : [] };
}

/** The first run the sentence names after "my talk", read without joining the two lists of runs. */
function ownTitle(runs: readonly string[], sentence: string): string | null {
  for (const run of runs) {
    const at = sentence.indexOf(run);
    // Two words or more: a space in it, found without splitting it.
    if (at >= 0 && /\s/.test(run) && MY_TALK.test(sentence.slice(0, at))) return run;
  }
  return null;
}

/** `author` is the post's author, when the page names one: the speaker of "my talk". */
export function proseMention(block: TextBlock, author: ExtractedSpeaker | null = null): Mention | null {
  const sentence = firstSentence(block.text);
  const mention = mentionIn(block, sentence, author);
  // A talk the author did not see is no talk; asked last, as most paragraphs name none.
  if (mention) return saysNotSeen(sentence) ? null : mention;
  // Then each later sentence, read the same way, with a person opening it on its own.
  return laterMention(block, (later) => mentionIn(block, later, author, later));
}

/** `opening` is where a person may open the sentence: the paragraph, or a later sentence alone. */
function mentionIn(
  block: TextBlock,
  sentence: string,
  author: ExtractedSpeaker | null,
  opening = block.text,
): Mention | null {
  const own = ownTalk(block, sentence, author);
  if (own) return own;
  const titled = titledBy(block, sentence);
  if (titled) return titled;
  const speakers = opensWithSpeaker(opening);
  if (speakers.length) return { title: null, speakers };
  const named = namedBy(sentence);
  return named.length ? { title: null, speakers: named } : hanShared(sentence);
}

/** "上午，张伟分享了《微服务之路》": a Han name, a verb of sharing, then the title in 《》. */
const HAN_SHARED =
  /(?:^|[，,。；;：:\s])([\p{Script=Han}]{2,3})(?:老师|博士)?(?:分享了|介绍了|讲了|带来了|做了)(?:题为|主题为)?《([^《》]{2,80})》/u;

function hanShared(sentence: string): Mention | null {
  const match = sentence.includes('《') ? HAN_SHARED.exec(sentence) : null;
  if (!match || !hasHanSurname(match[1]!)) return null;
  return { title: match[2]!.trim(), speakers: [{ name: match[1]!, handle: null, affiliation: null }] };
}
