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

function metaContent($: CheerioAPI, key: string): string | null {
  const value = $('meta')
    .filter((_, el) => {
      const name = (
        $(el).attr('name') ??
        $(el).attr('property') ??
        $(el).attr('itemprop') ??
        ''
      ).toLowerCase();
      return name === key;
    })
    .first()
    .attr('content');
  return value?.trim() || null;
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

function extractTitle($: CheerioAPI, fm: FrontMatter): string {
  const fromMatter = stringField(fm, 'title');
  if (fromMatter) return fromMatter;
  const siteName = metaContent($, 'og:site_name');
  const heading = $('h1')
    .toArray()
    .map((el) => $(el))
    .find(($h) => $h.text().trim() && !isBanner($h, siteName));
  if (heading) return heading.text().replace(/\s+/g, ' ').trim();
  const declared = metaContent($, 'og:title') ?? $('title').first().text();
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

function extractDate($: CheerioAPI, fm: FrontMatter, url: string | null, source: string): string | null {
  const fromMatter = normaliseDate(fm.date) ?? normaliseDate(fm.published);
  if (fromMatter) return fromMatter;
  for (const key of DATE_META) {
    const value = metaContent($, key);
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
    parseDate($('body').text().replace(/\s+/g, ' ').slice(0, 2000))
  );
}

function extractUrl($: CheerioAPI, fm: FrontMatter): string | null {
  const candidates = [
    $('link[rel="canonical"]').attr('href'),
    metaContent($, 'og:url'),
    stringField(fm, 'canonical_url', 'canonicalURL', 'canonical', 'url', 'permalink'),
  ];
  // A relative URL cannot be linked to from elsewhere, so it is no canonical URL.
  return candidates.find((u): u is string => !!u && /^https?:\/\//i.test(u.trim()))?.trim() ?? null;
}

function extractTags($: CheerioAPI, fm: FrontMatter): string[] {
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
    ...listField(metaContent($, 'keywords')),
  ];
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.replace(/^#/, '').replace(/\s+/g, ' ').trim();
    if (tag && tag.length <= 60 && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

export function extractMeta($: CheerioAPI, frontMatter: FrontMatter, source = ''): PostMeta {
  const url = extractUrl($, frontMatter);
  const declared =
    primaryLanguage(stringField(frontMatter, 'lang', 'language', 'locale')) ??
    primaryLanguage($('html').attr('lang')) ??
    primaryLanguage(metaContent($, 'og:locale'));
  return {
    title: extractTitle($, frontMatter),
    date: extractDate($, frontMatter, url, source),
    language: resolveLanguage(declared, blockText($('body').toArray())),
    url,
    tags: extractTags($, frontMatter),
  };
}
