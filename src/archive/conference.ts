/**
 * Which conference a talk belongs to. "DotScale 2018" and "dotScale" (in a post dated 2018) are
 * one conference; "KubeCon + CloudNativeCon Europe" and "KubeCon EU" one series. A catalogue of
 * series (data/conferences.json) is used when given; otherwise names are normalised by rule.
 */
import type { ConferenceRef, ExtractedPost, ExtractedTalk } from '../model.ts';
import { foldText, slugify, tokens } from './text.ts';

export interface SeriesEntry {
  /** The series id, "kubecon-eu". */
  series: string;
  /** The display name, "KubeCon + CloudNativeCon Europe". */
  name: string;
  aliases: string[];
  /** The city when every edition meets in the same one. */
  city?: string | null;
  /** Official names of some years, when they differ from `name`. */
  names?: { from?: number; to?: number; name: string }[];
}

/** Looked up by the normalised key of any name or alias. */
export type SeriesCatalog = Map<string, SeriesEntry>;

const REGIONS: Record<string, string> = {
  europe: 'eu',
  eu: 'eu',
  emea: 'eu',
  na: 'na',
  america: 'na',
  americas: 'na',
  asia: 'asia',
  apac: 'asia',
  china: 'china',
  japan: 'japan',
  india: 'india',
};
const NOISE = new Set(['the', 'conference', 'conf', 'annual', 'edition', 'north']);
const YEAR = /^(19|20)\d\d$/;

/**
 * The series key of a conference name, by rule: years and filler words dropped; for co-located
 * events ("KubeCon + CloudNativeCon Europe") the first event plus the region.
 */
export function seriesKey(name: string): string {
  const [first = ''] = foldText(name).split(/\s[+&/|]\s|\s+(?:and|with)\s+/);
  const region = tokens(name)
    .map((token) => REGIONS[token])
    .find(Boolean);
  const base = tokens(first).filter((t) => !YEAR.test(t) && !REGIONS[t] && !NOISE.has(t));
  const parts = base.length ? base : tokens(name).filter((t) => !YEAR.test(t));
  return [...parts, ...(region ? [region] : [])].join('-');
}

export function buildSeriesCatalog(entries: SeriesEntry[]): SeriesCatalog {
  const catalog: SeriesCatalog = new Map();
  for (const entry of entries) {
    for (const alias of [entry.name, entry.series, ...entry.aliases]) catalog.set(seriesKey(alias), entry);
  }
  return catalog;
}

/** A display name without the year: "dotScale 2018" -> "dotScale". */
export function displayName(name: string): string {
  return name.replace(/\s*[,'’-]?\s*\b(19|20)\d\d\b/g, '').trim() || name.trim();
}

export interface ResolvedConference {
  id: string;
  series: string;
  /** The catalogue's name when the series is catalogued, else null (the archive picks one). */
  catalogName: string | null;
  name: string;
  year: number | null;
  city: string | null;
  /** False when neither the talk nor the post names a conference and the post stands in for one. */
  known: boolean;
}

function nameInYear(entry: SeriesEntry, year: number | null): string {
  const era =
    year === null ? undefined : entry.names?.find((n) => (n.from ?? 0) <= year && year <= (n.to ?? 9999));
  return era?.name ?? entry.name;
}

function yearOf(date: string | null): number | null {
  const match = date?.match(/^(\d{4})/);
  return match ? Number(match[1]) : null;
}

function fallbackRef(post: ExtractedPost, path: string): ConferenceRef {
  const base =
    path
      .split('/')
      .pop()
      ?.replace(/\.[^.]+$/, '') ?? path;
  return { name: post.title || base, year: yearOf(post.date), city: null };
}

/** The conference of one talk: its own when the post covers several, else the post's. */
export function resolveConference(
  post: ExtractedPost,
  talk: ExtractedTalk,
  path: string,
  catalog: SeriesCatalog,
): ResolvedConference {
  const named = talk.conference ?? post.conference;
  const ref = named ?? fallbackRef(post, path);
  const year = ref.year ?? yearOf(post.date);
  const key = seriesKey(ref.name) || slugify(path);
  const entry = catalog.get(key);
  const series = entry?.series ?? key;
  const id = year === null ? series : `${series}-${year}`;
  const city = ref.city ?? entry?.city ?? null;
  return {
    id,
    series,
    catalogName: entry ? nameInYear(entry, year) : null,
    name: displayName(ref.name),
    year,
    city,
    known: named !== null,
  };
}
