/**
 * Post metadata: title, date (ISO), language, canonical URL and tags, from front matter,
 * meta tags, JSON-LD, the page itself, and as a last resort the URL or file name.
 */
import type { CheerioAPI } from 'cheerio';
import { dateFromPath, normaliseDate, parseDate } from './dates.ts';
import { primaryLanguage, resolveLanguage } from './language.ts';
import { blockText } from './text.ts';

export interface PostMeta {
  title: string;
  date: string | null;
  language: string | null;
  url: string | null;
  tags: string[];
}

type FrontMatter = Record<string, unknown>;

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'pubdate',
  'publish-date',
  'publish_date',
  'article.published',
  'parsely-pub-date',
];

const TITLE_SEPARATOR = /\s+[|·•»–—:]{1,2}\s+|\s+-\s+/;

type Metas = ReadonlyMap<string, string>;

/** Every <meta name|property|itemprop> of the page, first value per key, read in one pass. */
function metaTags($: CheerioAPI): Metas {
  const metas = new Map<string, string>();
  for (const el of $('meta').toArray()) {
    const { name, property, itemprop, content } = el.attribs;
    const key = (name ?? property ?? itemprop ?? '').toLowerCase();
    const value = content?.trim();
    if (key && !metas.has(key)) metas.set(key, value ?? '');
  }
  return metas;
}

function metaContent(metas: Metas, key: string): string | null {
  return metas.get(key) || null;
}

function stringField(fm: FrontMatter, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = fm[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return null;
}

function listField(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[,;]/);
  return [];
}

/** An h1 that is only a link home, or repeats the site name, is the site's banner. */
function isBanner(heading: ReturnType<CheerioAPI>, siteName: string | null): boolean {
  const text = heading.text().trim();
  const link = heading.find('a').first();
  const href = link.attr('href') ?? '';
  const linkIsAll = link.length > 0 && link.text().trim() === text;
  if (linkIsAll && /^(?:\/|\.\/|https?:\/\/[^/]+\/?)$/.test(href)) return true;
  return !!siteName && text.toLowerCase() === siteName.toLowerCase();
}

function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim());
  const kept = parts.filter((p) => p && p.toLowerCase() !== siteName?.toLowerCase());
  if (kept.length <= 1) return kept[0] ?? title.trim();
  return title.trim();
}

function extractTitle($: CheerioAPI, fm: FrontMatter, metas: Metas): string {
  const fromMatter = stringField(fm, 'title');
  if (fromMatter) return fromMatter;
  const siteName = metaContent(metas, 'og:site_name');
  const heading = $('h1')
    .toArray()
    .map((el) => $(el))
    .find(($h) => $h.text().trim() && !isBanner($h, siteName));
  if (heading) return heading.text().replace(/\s+/g, ' ').trim();
  const declared = metaContent(metas, 'og:title') ?? $('title').first().text();
  if (declared.trim()) return stripSiteName(declared, siteName);
  const firstBlock = $('body').children().first().text().trim();
  return firstBlock.length <= 160 ? firstBlock : '';
}

function jsonLdDate($: CheerioAPI): string | null {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec($(el).text());
    if (match?.[1]) return parseDate(match[1]);
  }
  return null;
}

function extractDate(
  $: CheerioAPI,
  fm: FrontMatter,
  metas: Metas,
  url: string | null,
  bodyText: string,
  source: string,
): string | null {
  const fromMatter = normaliseDate(fm.date) ?? normaliseDate(fm.published);
  if (fromMatter) return fromMatter;
  for (const key of DATE_META) {
    const value = metaContent(metas, key);
    const parsed = value ? parseDate(value) : null;
    if (parsed) return parsed;
  }
  const time = $('time[datetime], [itemprop="datePublished"]').first();
  const stamped = parseDate(time.attr('datetime') ?? time.attr('content') ?? time.text());
  if (stamped) return stamped;
  return (
    jsonLdDate($) ??
    dateFromPath(url ?? '') ??
    dateFromPath(source) ??
    parseDate(bodyText.slice(0, 2000))
  );
}

function extractUrl($: CheerioAPI, fm: FrontMatter, metas: Metas): string | null {
  const candidates = [
    $('link[rel="canonical"]').attr('href'),
    metaContent(metas, 'og:url'),
    stringField(fm, 'canonical_url', 'canonicalURL', 'canonical', 'url', 'permalink'),
  ];
  // A relative URL cannot be linked to from elsewhere, so it is no canonical URL.
  return candidates.find((u): u is string => !!u && /^https?:\/\//i.test(u.trim()))?.trim() ?? null;
}

function extractTags($: CheerioAPI, fm: FrontMatter, metas: Metas): string[] {
  const tags = [
    ...listField(fm.tags),
    ...listField(fm.categories),
    ...listField(fm.keywords),
    ...$('a[rel~="tag"], .tags a, .post-tags a, .tag-list a, .tags li, .tag')
      .map((_, el) => $(el).text())
      .get(),
    ...$('meta[property="article:tag"], meta[property="og:article:tag"]')
      .map((_, el) => $(el).attr('content') ?? '')
      .get(),
    ...listField(metaContent(metas, 'keywords')),
  ];
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.replace(/^#/, '').replace(/\s+/g, ' ').trim();
    if (tag && tag.length <= 60 && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** `bodyText` is the page's block text, when the caller already has it. */
export function extractMeta(
  $: CheerioAPI,
  frontMatter: FrontMatter,
  source = '',
  bodyText = blockText($('body').toArray()),
): PostMeta {
  const metas = metaTags($);
  const url = extractUrl($, frontMatter, metas);
  const declared =
    primaryLanguage(stringField(frontMatter, 'lang', 'language', 'locale')) ??
    primaryLanguage($('html').attr('lang')) ??
    primaryLanguage(metaContent(metas, 'og:locale'));
  return {
    title: extractTitle($, frontMatter, metas),
    date: extractDate($, frontMatter, metas, url, bodyText, source),
    language: resolveLanguage(declared, bodyText),
    url,
    tags: extractTags($, frontMatter, metas),
  };
}
