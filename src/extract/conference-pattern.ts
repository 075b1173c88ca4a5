/**
 * Conferences that are not in data/conferences.json, read from how titles name events:
 * "Notes from Foo Summit 2019", "2019 Bar Days", "BazConf". Strict on purpose: a wrong
 * conference is worse than none, so a bare "Word 2019" needs a conference word or a name
 * that is neither a known topic, a month nor a generic word.
 */
import type { ConferenceRef } from '../model.ts';
import { loadTopicVocabulary } from './topics.ts';

const WORD = String.raw`(?:[A-Z][\p{L}\p{N}.+#&'’/-]*|[a-z]+[A-Z][\p{L}\p{N}]*|\d{1,3}|#\d+)`;
/** Small words that join the capitalised words of a name: "Codeurs en Seine", "Days of Code". */
const JOIN = String.raw`(?:[ \t]+(?:of|on|de|du|des|en|la|le|the|and|&|y|di))?`;
const NAME_YEAR = new RegExp(
  String.raw`(${WORD}(?:${JOIN}[ \t]+${WORD}){0,5})[ \t]*[-–:,]?[ \t]*((?:19|20)\d\d)(?!\d)`,
  'gu',
);
const YEAR_NAME = new RegExp(String.raw`(?<!\d)((?:19|20)\d\d)[ \t]+(${WORD}(?:[ \t]+${WORD}){0,5})`, 'gu');
const SUFFIXED =
  /(?<![\p{L}\p{N}])((?:[A-Z][\p{L}]*[ \t]+){0,3}[A-Z]?[\p{L}]*(?:Conf|Con|Camp|Fest|Summit|Meetup|Days))(?![\p{L}\p{N}])/gu;
/** Cheap cues the patterns above cannot match without: a text with none is not scanned by them. */
const HAS_YEAR = /(?:19|20)\d\d/;
const HAS_SUFFIX = /Con|Camp|Fest|Summit|Meetup|Days/;
const CONFERENCE_WORD =
  /(?:^|\s|[a-z])(?:Conf|Conference|Con|Summit|Meetup|Camp|Fest|Festival|Days?|Forum|Kongress|Congress|Symposium|Expo|Week|Sessions?)$|Conf$|Con$|Camp$|Fest$/;

const LEADING_STOP = new Set(
  (
    'my our the a an notes note recap recaps review reviews report trip highlights takeaways summary impressions ' +
    "thoughts lessons back welcome attending speaking going im i’m i'm live blog blogging post part wrap up day " +
    'days jour retour retours mon ma mes le la les compte rendu bilan at from to on in about why how what ' +
    'reflections learnings looking forward preview published posted updated written of for with sur du de des en au aux'
  ).split(' '),
);

const GENERIC = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec janvier février mars avril mai juin juillet août septembre octobre novembre ' +
    'décembre copyright posted updated published edition version release year best top part season ' +
    'conference conferences conf summit meetup talks talk'
  ).split(' '),
);

function stripLeading(name: string): string {
  const words = name.split(/[ \t]+/);
  while (words.length && LEADING_STOP.has((words[0] ?? '').toLowerCase())) words.shift();
  return words.join(' ').replace(/[\s:,–—-]+$/, '');
}

// Every topic name and alias, lower-cased: made on first use, as the vocabulary is read then.
let topicKeys: Set<string> | null = null;

function isKnownTopic(name: string): boolean {
  topicKeys ??= new Set(
    loadTopicVocabulary().flatMap((topic) => [topic.name, ...topic.aliases].map((a) => a.toLowerCase())),
  );
  return topicKeys.has(name.toLowerCase());
}

function plausible(name: string): boolean {
  const last = name.split(' ').at(-1)?.toLowerCase() ?? '';
  if (name.length < 3 || GENERIC.has(name.toLowerCase())) return false;
  if (CONFERENCE_WORD.test(name)) return !GENERIC.has(name.split(' ')[0]?.toLowerCase() ?? '');
  return !GENERIC.has(last) && name.split(' ').length <= 4 && !isKnownTopic(name) && !/^\d/.test(name);
}

function fromNameYear(title: string): ConferenceRef | null {
  if (!HAS_YEAR.test(title)) return null;
  for (const match of title.matchAll(NAME_YEAR)) {
    const name = stripLeading(match[1] ?? '');
    if (plausible(name)) return { name, year: Number(match[2]), city: null };
  }
  for (const match of title.matchAll(YEAR_NAME)) {
    const name = stripLeading(match[2] ?? '');
    if (CONFERENCE_WORD.test(name) && plausible(name)) return { name, year: Number(match[1]), city: null };
  }
  return null;
}

function fromSuffix(title: string, date: string | null): ConferenceRef | null {
  if (!HAS_SUFFIX.test(title)) return null;
  for (const match of title.matchAll(SUFFIXED)) {
    const name = stripLeading(match[1] ?? '');
    if (plausible(name) && CONFERENCE_WORD.test(name))
      return { name, year: date ? Number(date.slice(0, 4)) : null, city: null };
  }
  return null;
}

/** An unknown conference named in one of the titles, or null. */
export function unknownConference(titles: string[], date: string | null): ConferenceRef | null {
  for (const title of titles) {
    const found = fromNameYear(title) ?? fromSuffix(title, date);
    if (found) return found;
  }
  return null;
}

/**
 * An unknown conference the opening of the text names ("I attended Foo Conference 2019"): only
 * a name with a conference word and a year, since prose is full of "Word 2019".
 */
export function unknownConferenceInText(text: string): ConferenceRef | null {
  for (const match of text.slice(0, 1500).matchAll(NAME_YEAR)) {
    const name = stripLeading(match[1] ?? '');
    if (CONFERENCE_WORD.test(name) && plausible(name)) return { name, year: Number(match[2]), city: null };
  }
  return null;
}
