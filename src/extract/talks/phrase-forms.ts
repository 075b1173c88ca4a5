/**
 * Smaller shapes of a "title + speakers" phrase, read by patterns.ts: links to slides or a
 * video after the speaker, "Title, Speaker", and the people that open a longer tail
 * ("by Jane Doe — notes on…").
 */
import type { ExtractedSpeaker, TalkKind } from '../../model.ts';
import { parseOneSpeaker, parseSpeakerList, RESOURCE_WORDS } from '../speakers.ts';

const RESOURCE = `(?:${RESOURCE_WORDS})`;
/** "— video", "(slides, video)", "[slides]": links to what the talk left, at the end of a phrase. */
const RESOURCE_TAIL = new RegExp(
  `\\s*(?:[-–—|:,]\\s*[([]?|[([])\\s*${RESOURCE}(?:\\s*(?:[,/&|]|and|et)\\s*${RESOURCE})*\\s*[)\\]]?\\s*\\.?$`,
  'iu',
);

/** "(video)", "[slides]" inside a phrase: "Title (video) - Jane Doe". */
const RESOURCE_INSIDE = new RegExp(
  `\\s*[([]\\s*${RESOURCE}(?:\\s*(?:[,/&|]|and|et)\\s*${RESOURCE})*\\s*[)\\]](?=\\s)`,
  'giu',
);

/** "(video", "[ slides": where RESOURCE_INSIDE may match. */
const RESOURCE_OPENED = new RegExp(`[([]\\s*${RESOURCE}`, 'iu');

/** A resource word at the very end: "… slides", "… (video)." once the closing marks are set aside. */
const RESOURCE_END = new RegExp(`(?:${RESOURCE})$`, 'iu');

/** The letters a resource word ends with, in lower case: "slides?" ends with "s" or "e". */
const RESOURCE_LAST = new Set(
  RESOURCE_WORDS.split('|')
    .flatMap((word) => (word.endsWith('?') ? [word.at(-2)!, word.at(-3)!] : [word.at(-1)!]))
    .map((letter) => letter.charCodeAt(0)),
);

/** Whether the text ends as RESOURCE_TAIL needs: a resource word, then perhaps ")" or "]" and ".". */
function endsWithResource(text: string): boolean {
  let end = text.endsWith('.') ? text.slice(0, -1).trimEnd() : text.trimEnd();
  if (end.endsWith(')') || end.endsWith(']')) end = end.slice(0, -1).trimEnd();
  // The last letter first, as the pattern tries every word at every position: "ſ" and the
  // Kelvin sign are an "s" and a "k" to it. The longest resource word has 11 letters.
  const last = end.charCodeAt(end.length - 1);
  if (!RESOURCE_LAST.has(last | 0x20) && last !== 0x17f && last !== 0x212a) return false;
  return RESOURCE_END.test(end.slice(-12));
}

/** The phrase without the links to slides or a video inside it or after it. */
export function withoutResourceLinks(text: string): string {
  // RESOURCE_INSIDE opens with spaces, so it is tried at every position: its mark and word first.
  if ((text.includes('(') || text.includes('[')) && RESOURCE_OPENED.test(text))
    text = text.replace(RESOURCE_INSIDE, '');
  // Most texts end in no resource word: a look at their last letters spares the scan below.
  if (!endsWithResource(text)) return text;
  // The tail is a few words: only the end of the text is searched.
  const from = Math.max(0, text.length - 80);
  const tail = RESOURCE_TAIL.exec(text.slice(from));
  if (!tail) return text;
  const rest = text.slice(0, from + tail.index);
  return rest.length >= 3 ? rest : text;
}

/** "Thanks to the organisers, Jane Doe": credits and thanks name people, not talks. */
export const CREDITS =
  /^(?:(?:special|big|many|huge)\s+)?(?:thanks?|thank you|merci|kudos|shout[- ]?outs?|congrat\w*|credits?|photos?|pictures?|images?|hosted|organi[sz]ed|sponsored|organi[sz]ers?|remerciements|bravo)\b/i;

/**
 * "Building evolutionary architectures, Neal Ford": the people after a comma. The title keeps
 * at least two words and is no person itself ("Jane Doe, Acme" is a person and her company).
 */
export function commaSpeakers(text: string): { title: string; speakers: ExtractedSpeaker[] } | null {
  for (let at = text.indexOf(', '); at > 0; at = text.indexOf(', ', at + 1)) {
    const title = text.slice(0, at).trim();
    // "Gopherfest 2015, San Francisco" is an event and its city.
    if (title.split(/\s+/).length < 2 || /\b(?:19|20)\d\d$/.test(title) || CREDITS.test(title)) continue;
    if (parseOneSpeaker(title)) continue;
    const speakers = parseSpeakerList(text.slice(at + 2).trim());
    if (speakers.length) return { title, speakers };
  }
  return null;
}

const KIND_BY =
  /^(?:(opening|closing)\s+)?(keynote|talk|session|workshop|atelier|panel|lightning talk|conférence|présentation)\s+(?:by|from|with|de|d['’]|par|avec|von)\s*(.+?)\s*(?:[:：]|\s[-–—|]\s)\s*(.+)$/iu;

/** "Keynote by Jane Doe: Title", "Keynote de Jeanne Roux : Titre": the kind, the people, the title. */
export function kindBySpeaker(
  text: string,
): { title: string; speakers: ExtractedSpeaker[]; kind: TalkKind | null } | null {
  const match = text.match(KIND_BY);
  const speakers = match ? parseSpeakerList(match[3]!) : [];
  if (!speakers.length || match![4]!.length < 2) return null;
  const word = match![2]!.toLowerCase();
  const kind = word === 'keynote' ? 'keynote' : word.startsWith('lightning') ? 'lightning' : null;
  return {
    title: match![4]!,
    speakers,
    kind: kind ?? (/^(?:workshop|atelier)$/.test(word) ? 'workshop' : null),
  };
}

/** "Jane Lusby — error handling with eyre": the people that open a phrase, before a comment. */
export function speakersAhead(text: string): ExtractedSpeaker[] {
  const whole = parseSpeakerList(text);
  if (whole.length) return whole;
  const head = text.split(/\s[-–—|:]\s|[.;:!?](?:\s|$)/)[0] ?? '';
  return head !== text ? parseSpeakerList(head) : [];
}
