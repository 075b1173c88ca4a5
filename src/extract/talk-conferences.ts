/**
 * Posts that cover several conferences ("nine Go talks", a reading list of React talks) give
 * each talk its own conference and none to the post. Each talk's conference is read from its
 * cues (its table row, its own line, the headings above it, the first sentence of its notes);
 * the post covers several when those resolve to two or more editions (series + year), or when
 * its title reads like a list of talks and its talks name their conference.
 */
import type { ConferenceRef } from '../model.ts';
import { parseConferenceMention } from './conference.ts';
import { findSeries } from './conference-data.ts';
import type { ConferenceCues } from './talks/cues.ts';
import type { TalkInContext } from './talks/index.ts';
import type { RowEdition } from './talks/tables.ts';

interface Mention {
  ref: ConferenceRef;
  /** A series from data/conferences.json, not a "Name 2012" read from its shape. */
  known: boolean;
}

const READING_LIST =
  /\b(?:talks|videos|recordings|keynotes|worth (?:re)?watching|reading list|watch ?list)\b/i;
const CITY_AFTER = /^\s*(?:,\s*|\s+in\s+)(?:in\s+)?(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2})/u;

/** "CUSEC 2012 in Montreal", "React Conf 2018, Henderson, Nevada": the place after the year. */
function cityAfterYear(text: string, year: number): string | null {
  const at = text.indexOf(String(year));
  if (at < 0) return null;
  const city = CITY_AFTER.exec(text.slice(at + 4, at + 60))?.[1]?.replace(/\.$/, '');
  return city && !/['’]s$/.test(city) ? city : null;
}

/**
 * Only a mention with a year counts, and every year is read from digits (the post's date is not
 * used here): a text without one is not looked up at all, which spares most talk titles.
 */
const DIGIT = /\d/;

function mentionIn(text: string): Mention | null {
  if (!DIGIT.test(text)) return null;
  const series = findSeries(text);
  const ref = parseConferenceMention(text, series);
  if (!ref || ref.year === null) return null;
  const city = ref.city ?? cityAfterYear(text, ref.year);
  return { ref: { ...ref, city }, known: series.length > 0 };
}

function rowMention(row: RowEdition, post: ConferenceRef | null): Mention | null {
  if (row.name) {
    const named = mentionIn(row.year ? `${row.name} ${row.year}` : row.name);
    return named && { ...named, ref: { ...named.ref, city: row.city ?? named.ref.city } };
  }
  if (!post || row.year === null) return null;
  return { ref: { name: post.name, year: row.year, city: row.city }, known: true };
}

/** How headings and titles are compared: "  The Title" is "the title". */
function key(text: string): string {
  return text.trim().toLowerCase();
}

type Reader = (text: string) => Mention | null;

/** Talks under one heading share its text: read each text once. */
function cachedReader(): Reader {
  const seen = new Map<string, Mention | null>();
  return (text) => {
    // A text without a digit names no edition: answered before the table hashes all of it.
    if (!DIGIT.test(text)) return null;
    let found = seen.get(text);
    if (found === undefined) {
      found = mentionIn(text);
      seen.set(text, found);
    }
    return found;
  };
}

/** The first cue that names a conference edition, most specific first. */
function mentionOf(
  cues: ConferenceCues,
  post: ConferenceRef | null,
  titleKey: string,
  read: Reader,
): Mention | null {
  const row = cues.row ? rowMention(cues.row, post) : null;
  if (row) return row;
  // The heading that repeats the post's title names what the post is about, not one talk's event.
  const headings = cues.headings.filter((h) => key(h) !== titleKey);
  for (const text of [cues.own, ...headings, cues.notes]) {
    const found = read(text);
    if (found) return found;
  }
  return null;
}

const editionKey = (ref: ConferenceRef) =>
  `${ref.name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')}|${ref.year}`;

function coversSeveral(mentions: (Mention | null)[], title: string): boolean {
  const found = mentions.filter((m) => m !== null);
  if (!found.length) return false;
  const editions = new Set(found.map((m) => editionKey(m.ref)));
  if (editions.size >= 2 && found.length * 2 >= mentions.length) return true;
  // "PyCon US talks worth rewatching": a list of talks whose title does not date one edition.
  const titleEdition = parseConferenceMention(title);
  return READING_LIST.test(title) && !titleEdition?.year && found.length >= 0.8 * mentions.length;
}

export interface AssignedConferences {
  post: ConferenceRef | null;
  talks: (ConferenceRef | null)[];
}

/** The conference of the post and of each talk: per talk only in posts that cover several. */
export function assignTalkConferences(
  talks: readonly TalkInContext[],
  post: ConferenceRef | null,
  title: string,
): AssignedConferences {
  const read = cachedReader();
  const titleKey = key(title);
  const raw = talks.map((t) => mentionOf(t.cues, post, titleKey, read));
  // A "Name 2012" of unknown shape counts only beside a series known to be a conference.
  const anyKnown = raw.some((m) => m?.known);
  const mentions = raw.map((m) => (m && (m.known || anyKnown) ? m : null));
  if (!coversSeveral(mentions, title)) return { post, talks: talks.map(() => null) };
  return { post: null, talks: mentions.map((m) => m?.ref ?? null) };
}
