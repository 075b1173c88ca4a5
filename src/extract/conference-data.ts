/**
 * The known conference series (data/conferences.json) compiled into one matcher. The data is
 * read on first use, never at import, and is the only place series names and aliases live.
 */
import { createRequire } from 'node:module';
import { type PhraseMatcher, phraseMatcher } from './phrases.ts';

export interface SeriesEntry {
  /** Canonical spelling, "dotScale". */
  name: string;
  aliases: string[];
  /** The city when every edition meets in the same one. */
  city?: string;
  /** Cities that have hosted the series, to tell a regional edition from its brand. */
  hosts?: string[];
  /** The brand a regional edition belongs to: "Devoxx" for "Devoxx France". */
  parent?: string;
  /** Official names of some years when they differ from `name`. */
  names?: { from?: number; to?: number; name: string }[];
  /** Short upper-case names ("GOTO", "NDC") that are also ordinary words in lower case. */
  caseSensitive?: boolean;
}

export interface ConferenceData {
  series: SeriesEntry[];
  /** Canonical city name -> the spellings posts use, in any language. */
  cities: Record<string, string[]>;
}

export interface SeriesMatch {
  series: SeriesEntry;
  start: number;
  end: number;
}

interface Matcher {
  data: ConferenceData;
  byName: Map<string, SeriesEntry>;
  series: PhraseMatcher<SeriesEntry>;
  cities: PhraseMatcher<string>;
}

/** Words of an alias may be glued or split by spaces and punctuation: "KubeConEU", "devfest-nantes". */
const SEPARATOR = "[\\s+&/:._'’!-]*";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function aliasPattern(alias: string): string {
  const words = alias.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map(escapeRegExp).join(SEPARATOR);
}

function compile(data: ConferenceData): Matcher {
  const byName = new Map(data.series.map((s) => [s.name, s]));
  const series = data.series.flatMap((entry) =>
    [entry.name, ...entry.aliases].map((alias) => ({
      phrase: alias,
      pattern: aliasPattern(alias),
      caseSensitive: entry.caseSensitive === true,
      digitsMayFollow: true,
      value: entry,
    })),
  );
  const cities = Object.entries(data.cities).flatMap(([city, spellings]) =>
    spellings.map((spelling) => ({
      phrase: spelling,
      pattern: aliasPattern(spelling),
      caseSensitive: false,
      value: city,
    })),
  );
  return { data, byName, series: phraseMatcher(series), cities: phraseMatcher(cities) };
}

// Compiled on first use and then reused; the result depends only on the data file.
let matcher: Matcher | null = null;

/** The compiled series; reads data/conferences.json once, on first call. */
export function conferenceMatcher(): Matcher {
  if (!matcher) {
    const require = createRequire(import.meta.url);
    matcher = compile(require('../../data/conferences.json') as ConferenceData);
  }
  return matcher;
}

/** Every mention of a known series in `text`, longest alias first where they overlap. */
export function findSeries(text: string): SeriesMatch[] {
  return conferenceMatcher()
    .series.find(text)
    .map((hit) => ({ series: hit.value, start: hit.start, end: hit.end }));
}

/** Canonical names of the cities `text` names, in order of appearance. */
export function findCities(text: string): { city: string; start: number }[] {
  return conferenceMatcher()
    .cities.find(text)
    .map((hit) => ({ city: hit.value, start: hit.start }));
}

export function seriesByName(name: string): SeriesEntry | undefined {
  return conferenceMatcher().byName.get(name);
}

export function childrenOf(name: string): SeriesEntry[] {
  return conferenceMatcher().data.series.filter((s) => s.parent === name);
}

/** The official name of the series in `year` ("KubeCon EU" before the CNCF merger). */
export function nameInYear(series: SeriesEntry, year: number | null): string {
  if (year === null) return series.name;
  const era = series.names?.find((n) => (n.from ?? 0) <= year && year <= (n.to ?? 9999));
  return era?.name ?? series.name;
}
