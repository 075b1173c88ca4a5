/**
 * Infers the conference a post is about (name, year, city) from its title, tags, URL,
 * headings and text. Known series (data/conferences.json) are recognised under any alias and
 * given their canonical spelling; an unknown one is read from a "Name 2019" or "FooConf"
 * pattern. A post with no conference, or one covering several, gives null.
 */
import type { CheerioAPI } from 'cheerio';
import type { ConferenceRef } from '../model.ts';
import {
  childrenOf,
  findCities,
  findSeries,
  nameInYear,
  type SeriesEntry,
  type SeriesMatch,
  seriesByName,
} from './conference-data.ts';
import { unknownConference, unknownConferenceInText } from './conference-pattern.ts';
import type { PostMeta } from './meta.ts';
import { type PageIndex, pageOf, textOf } from './page.ts';

interface Source {
  text: string;
  weight: number;
}

interface Mention {
  series: SeriesEntry;
  weight: number;
  year: number | null;
  inTitle: boolean;
}

const TITLE = 6;
const TEXT_CAP = 5;
/** The opening of the text is where a recap names its event; the rest mostly names others. */
const TEXT_SCAN = 10_000;

/** A four-digit year (or "’18") right before or after a mention. */
export function adjacentYear(text: string, start: number, end: number): number | null {
  const after = /^(?:[\s_:,#–—-]*((?:19|20)\d\d)|[\s]*['’]?(\d\d))(?!\d)/.exec(text.slice(end, end + 12));
  const before = /(?<!\d)((?:19|20)\d\d)[\s_:,–—-]*$/.exec(text.slice(Math.max(0, start - 10), start));
  const raw = after?.[1] ?? (after?.[2] ? `20${after[2]}` : null) ?? before?.[1] ?? null;
  const year = raw ? Number(raw) : null;
  return year && year >= 1990 && year <= 2040 ? year : null;
}

function titleSources(page: PageIndex, meta: PostMeta): string[] {
  const titles = [meta.title, page.metas.get('og:title') ?? '', page.title ?? ''];
  return [...new Set(titles.map((t) => t.trim()).filter(Boolean))];
}

function collectSources(page: PageIndex, titles: string[], meta: PostMeta): Source[] {
  const headings = page.headings.map(textOf);
  return [
    ...titles.map((text) => ({ text, weight: TITLE })),
    ...meta.tags.map((text) => ({ text, weight: 3 })),
    { text: (meta.url ?? '').replace(/[/_.-]+/g, ' '), weight: 2 },
    ...headings.map((text) => ({ text, weight: 1.5 })),
  ];
}

function mentionsIn(source: Source): Mention[] {
  return findSeries(source.text).map((m: SeriesMatch) => ({
    series: m.series,
    weight: source.weight,
    year: adjacentYear(source.text, m.start, m.end),
    inTitle: source.weight === TITLE,
  }));
}

function textMentions(text: string): Mention[] {
  const counts = new Map<string, number>();
  return findSeries(text)
    .filter((m) => {
      const seen = counts.get(m.series.name) ?? 0;
      counts.set(m.series.name, seen + 1);
      return seen < TEXT_CAP;
    })
    .map((m) => ({ series: m.series, weight: 1, year: adjacentYear(text, m.start, m.end), inTitle: false }));
}

/** The root brand of a series, "Devoxx" for "Devoxx France". */
function familyOf(series: SeriesEntry): string {
  return series.parent ?? series.name;
}

function scoreSeries(mentions: Mention[]): Map<string, number> {
  const own = new Map<string, number>();
  for (const m of mentions) own.set(m.series.name, (own.get(m.series.name) ?? 0) + m.weight);
  const total = new Map(own);
  // A bare brand mention ("KubeCon") also supports whichever regional edition the post names.
  for (const [name, score] of own) {
    const parent = seriesByName(name)?.parent;
    if (parent) total.set(name, score + (own.get(parent) ?? 0));
  }
  return total;
}

function pickSeries(mentions: Mention[]): SeriesEntry | null {
  const scores = scoreSeries(mentions);
  let best: SeriesEntry | null = null;
  let bestScore = 0;
  for (const [name, score] of scores) {
    const series = seriesByName(name);
    if (!series) continue;
    const specific = series.parent !== undefined && best?.name === series.parent;
    if (score > bestScore || (score === bestScore && specific)) {
      best = series;
      bestScore = score;
    }
  }
  return best;
}

function pickYear(
  mentions: Mention[],
  series: SeriesEntry,
  titles: string[],
  date: string | null,
): number | null {
  const votes = new Map<number, number>();
  for (const m of mentions) {
    if (m.year === null || familyOf(m.series) !== familyOf(series)) continue;
    votes.set(m.year, (votes.get(m.year) ?? 0) + m.weight);
  }
  const voted = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (voted) return voted[0];
  // "KubeCon San Diego 2019": a year elsewhere in the title still dates the event.
  const inTitle = titles.map((t) => /(?<!\d)(?:19[9]\d|20[0-4]\d)(?!\d)/.exec(t)?.[0]).find(Boolean);
  if (inTitle) return Number(inTitle);
  return date ? Number(date.slice(0, 4)) : null;
}

/** The city of the post: a city in the title, else the one the text places the event in. */
export function cityOf(titles: string[], text: string): string | null {
  const inTitle = titles.flatMap((t) => findCities(t))[0];
  if (inTitle) return inTitle.city;
  const head = text.slice(0, 4000);
  const placed = findCities(head).filter((c) =>
    /(?:\b(?:in|at|à|en|au)\s+(?:the\s+)?|在|于|於)$/i.test(head.slice(Math.max(0, c.start - 12), c.start)),
  );
  return placed[0]?.city ?? null;
}

/** A parent brand with a city that matches exactly one regional edition becomes that edition. */
function refine(series: SeriesEntry, city: string | null): SeriesEntry {
  if (!city) return series;
  const editions = childrenOf(series.name).filter((c) => c.city === city || c.hosts?.includes(city));
  return editions.length === 1 && editions[0] ? editions[0] : series;
}

function coversSeveral(mentions: Mention[]): boolean {
  if (mentions.some((m) => m.inTitle)) return false;
  const families = new Set(mentions.filter((m) => m.weight === 1.5).map((m) => familyOf(m.series)));
  return families.size >= 2;
}

/** Below this score, a series the text only mentions in passing is not what the post is about. */
const MIN_PASSING_SCORE = 2;

function resolve(mentions: Mention[], titles: string[], text: string, date: string | null) {
  const picked = pickSeries(mentions);
  if (!picked) return null;
  const city = picked.city ?? cityOf(titles, text);
  const series = refine(picked, city);
  const year = pickYear(mentions, series, titles, date);
  return { name: nameInYear(series, year), year, city: series.city ?? city };
}

export function inferConference($: CheerioAPI, meta: PostMeta): ConferenceRef | null {
  const page = pageOf($);
  const { text } = page;
  const titles = titleSources(page, meta);
  const mentions = [
    ...collectSources(page, titles, meta).flatMap(mentionsIn),
    ...textMentions(text.slice(0, TEXT_SCAN)),
  ];
  if (coversSeveral(mentions)) return null;
  // The title, tags or URL naming a known series settle it; an unknown name in the title
  // beats a known series the text merely mentions.
  if (mentions.some((m) => m.weight >= 2)) return resolve(mentions, titles, text, meta.date);
  const unknown = unknownConference(titles, meta.date);
  if (unknown) return { ...unknown, city: unknown.city ?? cityOf(titles, text) };
  const total = mentions.reduce((sum, m) => sum + m.weight, 0);
  if (total >= MIN_PASSING_SCORE) return resolve(mentions, titles, text, meta.date);
  const inText = unknownConferenceInText(text);
  return inText ? { ...inText, city: cityOf(titles, text) } : null;
}

/**
 * The conference one heading or sentence names, for posts that cover several. `series` are the
 * known series the text names, when the caller has already looked them up.
 */
export function parseConferenceMention(text: string, series = findSeries(text)): ConferenceRef | null {
  const mentions = series.map((m) => ({
    series: m.series,
    weight: 1,
    year: adjacentYear(text, m.start, m.end),
    inTitle: true,
  }));
  return resolve(mentions, [text], text, null) ?? unknownConference([text], null);
}
