/**
 * Reads "title + speakers" out of one short phrase (a heading, a list item, a bold run):
 * "Title - Speaker", "Title (Speaker)", "Title by Speaker", "Title par Speaker",
 * "Talk “Title”", or a phrase that is only a speaker's name.
 */
import type { ExtractedSpeaker, TalkKind } from '../../model.ts';
import { isNameLike, parseOneSpeaker, parseSpeakerList } from '../speakers.ts';
import { isVocabulary } from '../topics.ts';
import { isSpeakerLabel, labelledPhrase } from './labels.ts';
import { commaSpeakers, kindBySpeaker, speakersAhead, withoutResourceLinks } from './phrase-forms.ts';
import { cleanTitle, kindOf, SPACES, TIME_SLOT } from './titles.ts';

export interface TitledPhrase {
  title: string | null;
  speakers: ExtractedSpeaker[];
  /** True when the phrase's shape itself says it names a talk. */
  confirmed: boolean;
  kind: TalkKind | null;
}

const KIND_PREFIX =
  /^(talk|t[aA]lk|session|conférence|conference|keynote|opening keynote|closing keynote|workshop|atelier|lightning(?: talk)?|quickie|panel|hands[- ]on(?: lab)?|tools in action|university)\b\s*(?:#?\d{1,3}\b\s*)?(?:[:\-–—]\s*)?/i;
// After the closing quote: a dash, colon or comma, or straight "by Jane Doe", "de Jeanne Roux",
// "d'Anne Roux"; Chinese titles sit in 《》.
const QUOTED =
  /^[“"«„《「]\s*(.+?)\s*[”"»“》」]\s*(?:(?:——|[-–—:,，：]\s*|(?=(?:by|par|von|de)\s|d['’]\p{Lu}))(.*))?$/u;

/**
 * Whether the text ends with ")" or "]", then perhaps spaces and one of ".:!": what the pattern
 * below needs, checked from the end instead of letting its lazy start try every split.
 */
function closesWithBracket(text: string): boolean {
  let i = text.length - 1;
  const last = text[i];
  if (last === '.' || last === ':' || last === '!') i--;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ')' || text[i] === ']';
}

/** "Title (Speaker)", "Title (Speaker, Company)", "Title [Speaker]": the last parenthesis names people. */
function trailingParens(text: string): TitledPhrase | null {
  if (!closesWithBracket(text)) return null;
  const match = text.match(/^(.+?)\s*[([]([^()[\]]+)[)\]]\s*[.:!]?$/u);
  if (!match) return null;
  const speakers = parseSpeakerList(match[2]!);
  if (!speakers.length) return null;
  return { title: cleanTitle(match[1]!), speakers, confirmed: true, kind: null };
}

/** "Title by Speaker", "Title par Speaker", "Title - Speaker", "Title | Speaker". */
function separated(text: string): TitledPhrase | null {
  const match =
    text.match(/^(.+)\s(?:by|par|von|de|[-–—|])\s+(.+)$/u) ??
    // "云原生架构演进 —— 王小明": the doubled dash, often without spaces around it.
    (text.includes('——') || text.includes(' -- ') ? text.match(/^(.+?)\s*(?:——|\s--\s)\s*(.+)$/u) : null) ??
    (text.includes(':') || text.includes('：') ? text.match(/^(.+?)\s*[：:]\s*(.+)$/u) : null);
  if (!match) return null;
  const speakers = parseSpeakerList(match[2]!.replace(/^(?:slides\s+)?by\s+/i, ''));
  if (!speakers.length) return null;
  const title = cleanTitle(match[1]!);
  // "Speaker: Jane Doe" is a byline, not a talk called "Speaker".
  if (title.length < 2 || isSpeakerLabel(match[1]!)) return null;
  return { title, speakers, confirmed: true, kind: null };
}

/** "Title - Jane doe": a dash before two words, the first a capitalised name, the second lowercase. */
function dashedLowercase(text: string): TitledPhrase | null {
  if (!/\s[-–—]\s/.test(text)) return null;
  const match = text.match(/^(\S+(?:\s+\S+)+)\s[-–—]\s([\p{Lu}][\p{Ll}'’-]+)\s([\p{Ll}][\p{Ll}'’-]{2,})$/u);
  if (!match || !isNameLike(`${match[2]} ${match[3]!.replace(/^./, (c) => c.toUpperCase())}`)) return null;
  return {
    title: cleanTitle(match[1]!),
    speakers: [{ name: `${match[2]} ${match[3]}`, handle: null, affiliation: null }],
    confirmed: true,
    kind: null,
  };
}

/** "Talk “Title”", "Keynote: Title", "Talk - Title". */
function prefixed(text: string): TitledPhrase | null {
  const prefix = text.match(KIND_PREFIX);
  if (!prefix) return null;
  const rest = text.slice(prefix[0].length).trim();
  if (!rest) return null;
  const quoted = rest.match(QUOTED);
  const inner = quoted ? quoted[1]! : rest;
  const parsed = trailingParens(inner) ?? separated(inner) ?? (quoted ? quotedPhrase(quoted) : null);
  const kind = kindOf(prefix[1]!) ?? 'talk';
  // "Keynote Session": a kind word that starts a plain title is part of it.
  if (!quoted && !/^t[a]lk$/i.test(prefix[1]!) && !/[:\-–—]\s*$/.test(prefix[0])) return null;
  if (parsed) return { ...parsed, kind };
  // A bare "Keynote Something" is too weak; the quotes, an explicit "Talk" or a colon ("Keynote:
  // Project update") make it a title, unless only a person follows ("Keynote: Jane Doe").
  if (!quoted && kind !== 'talk' && (!/[:：]\s*$/.test(prefix[0]) || nameOnly(inner))) return null;
  return { title: cleanTitle(inner), speakers: [], confirmed: true, kind };
}

/**
 * A capital (or a non-ASCII character, among which are all other capitals and Han) after the
 * first character: where a person's name starts after a separator, or its second word or
 * character is, in every reading below that finds people.
 */
const MAY_NAME = /[\s\S][A-Z\u0080-\uffff]/;

export function parsePhrase(raw: string): TitledPhrase | null {
  // "09:30 - Keynote - Title - Jane Doe": the slot goes first, so that the kind opens the phrase.
  const text = withoutResourceLinks(raw.replace(SPACES, ' ').trim().replace(TIME_SLOT, ''));
  if (!text || text.length > 200) return null;
  // The fields by name: V8 copies a spread that adds a property (`confirmed`) slowly.
  const labelled = labelledPhrase(text);
  if (labelled)
    return { title: labelled.title, speakers: labelled.speakers, kind: labelled.kind, confirmed: true };
  const byPeople = kindBySpeaker(text);
  if (byPeople) {
    const { speakers, kind } = byPeople;
    return { title: cleanTitle(byPeople.title), speakers, kind, confirmed: true };
  }
  const fromPrefix = prefixed(text);
  if (fromPrefix) return fromPrefix;
  // Every other reading needs a person, whose name holds a capital or Han characters past the first.
  if (!MAY_NAME.test(text)) return null;
  const quoted = text.match(QUOTED);
  const fromQuotes = quoted ? quotedPhrase(quoted) : null;
  if (fromQuotes) return fromQuotes;
  return (
    trailingParens(text) ?? separated(text) ?? withComma(text) ?? dashedLowercase(text) ?? nameOnly(text)
  );
}

/** "“Title” - Jane Doe", "“Title” by Jane Doe — a comment": the people after the quotes. */
function quotedPhrase(quoted: RegExpMatchArray): TitledPhrase | null {
  const people = quoted[2]?.replace(
    /^(?:(?:by|par|von|de)\s+|d['’]|(?:speakers?|讲师|演讲者|嘉宾)\s*[:：]\s*)/i,
    '',
  );
  const speakers = people ? speakersAhead(people.trim()) : [];
  return speakers.length ? { title: cleanTitle(quoted[1]!), speakers, confirmed: true, kind: null } : null;
}

function withComma(text: string): TitledPhrase | null {
  const found = text.includes(', ') ? commaSpeakers(text) : null;
  return found
    ? { title: cleanTitle(found.title), speakers: found.speakers, confirmed: true, kind: null }
    : null;
}

/** A phrase that is only people: "Mickael Rémond", "Alex Miller @x", "Jane Doe - Acme". */
export function nameOnly(text: string): TitledPhrase | null {
  const one = parseOneSpeaker(text);
  // "Recap - My 5 favourite talks" is a title with a dash, not a person and a company.
  const plausible =
    one && (!one.affiliation || (one.affiliation.split(' ').length <= 4 && !/\d/.test(one.affiliation)));
  const speakers = (plausible ? [one] : parseSpeakerList(text)).filter(isPerson);
  if (speakers.length) return { title: null, speakers, confirmed: false, kind: null };
  // "Jane Doe and the Posse", "Jane Doe and Bo Li pair presenting…": people, then lowercase words,
  // which are looked for before the people are read.
  const run = leadingRun(text);
  if (!run || !/^\s+(?:and\s+)?[\p{Ll}]/u.test(text.slice(run.length))) return null;
  const people = namesOpening(text, run).speakers.filter(isPerson);
  return people.length ? { title: null, speakers: people, confirmed: false, kind: null } : null;
}

/** "Apache Kafka", "Spring Boot" read like names; the topic vocabulary knows they are not people. */
export function isPerson(speaker: ExtractedSpeaker): boolean {
  return !isVocabulary(speaker.name);
}

// A capitalised word; an apostrophe may join ("O’Brien") but a possessive "’s" is not part of it.
const WORD = "[\\p{Lu}][\\p{L}.-]*(?:['’](?!s\\b)\\p{L}+)*";
const LEADING_NAMES = new RegExp(
  `^((?:${WORD}|[\\p{Lu}]\\.)(?:\\s+(?:${WORD}|de|van|von|der|le|la|du))+(?:\\s+(?:and|&|et)\\s+${WORD}(?:\\s+${WORD})+)?)(?=[\\s,(’']|$)`,
  'u',
);

/** People named at the very start of a sentence: "Jane Doe and Bo Li pair presenting…". */
export function leadingNames(text: string): { speakers: ExtractedSpeaker[]; rest: string } {
  const run = leadingRun(text);
  return run ? namesOpening(text, run) : { speakers: [], rest: text };
}

/** The capitalised words that open the text, which may name people; null when none do. */
export function leadingRun(text: string): string | null {
  // The names open with a capital: an ASCII character that is none is a quicker no than the pattern.
  const first = text.charCodeAt(0);
  if (first < 0x80 && !(first >= 65 && first <= 90)) return null;
  return text.match(LEADING_NAMES)?.[1] ?? null;
}

/** The people `run` (the text's leading run) names, and the text after them. */
export function namesOpening(text: string, run: string): { speakers: ExtractedSpeaker[]; rest: string } {
  const speakers = parseSpeakerList(run);
  const ok = speakers.length > 0 && speakers.every((s) => isNameLike(s.name));
  return ok ? { speakers, rest: text.slice(run.length) } : { speakers: [], rest: text };
}
