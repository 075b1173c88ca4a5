/**
 * Post metadata: title, date (ISO), language, canonical URL and tags, from front matter,
 * meta tags, JSON-LD, the page itself, and as a last resort the URL or file name.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ExtractedSpeaker } from '../model.ts';
import { dateFromPath, normaliseDate, parseDate } from './dates.ts';
import { primaryLanguage, resolveLanguage } from './language.ts';
import { type PageIndex, pageOf, textOf } from './page.ts';
import { parseOneSpeaker } from './speakers.ts';

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

function metaContent(page: PageIndex, key: string): string | null {
  return page.metas.get(key) || null;
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

/** The first link under `nodes` in document order: a walk, cheaper than compiling a selector. */
function firstLink(nodes: readonly AnyNode[]): Element | null {
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    if (node.name === 'a') return node;
    const inner = firstLink(node.children);
    if (inner) return inner;
  }
  return null;
}

/** An h1 that is only a link home, or repeats the site name, is the site's banner. */
function isBanner(heading: Element, text: string, siteName: string | null): boolean {
  const link = firstLink(heading.children);
  const href = link?.attribs.href ?? '';
  const linkIsAll = link !== null && textOf(link).trim() === text;
  if (linkIsAll && /^(?:\/|\.\/|https?:\/\/[^/]+\/?)$/.test(href)) return true;
  return !!siteName && text.toLowerCase() === siteName.toLowerCase();
}

function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim());
  const kept = parts.filter((p) => p && p.toLowerCase() !== siteName?.toLowerCase());
  if (kept.length <= 1) return kept[0] ?? title.trim();
  return title.trim();
}

function extractTitle($: CheerioAPI, fm: FrontMatter, page: PageIndex): string {
  const fromMatter = stringField(fm, 'title');
  if (fromMatter) return fromMatter;
  const siteName = metaContent(page, 'og:site_name');
  // Read through textOf (what cheerio's `.text()` gives) without a wrapper per heading.
  for (const h1 of page.h1) {
    const text = textOf(h1);
    const trimmed = text.trim();
    if (trimmed && !isBanner(h1, trimmed, siteName)) return text.replace(/\s+/g, ' ').trim();
  }
  const declared = metaContent(page, 'og:title') ?? page.title ?? '';
  if (declared.trim()) return stripSiteName(declared, siteName);
  const firstBlock = page.body ? $(page.body).children().first().text().trim() : '';
  return firstBlock.length <= 160 ? firstBlock : '';
}

function jsonLdDate(page: PageIndex): string | null {
  for (const el of page.jsonLd) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(textOf(el));
    if (match?.[1]) return parseDate(match[1]);
  }
  return null;
}

function extractDate(fm: FrontMatter, page: PageIndex, url: string | null, source: string): string | null {
  const fromMatter = normaliseDate(fm.date) ?? normaliseDate(fm.published);
  if (fromMatter) return fromMatter;
  for (const key of DATE_META) {
    const value = metaContent(page, key);
    const parsed = value ? parseDate(value) : null;
    if (parsed) return parsed;
  }
  const time = page.time;
  const stamped = time && parseDate(time.attribs.datetime ?? time.attribs.content ?? textOf(time));
  if (stamped) return stamped;
  return (
    jsonLdDate(page) ?? dateFromPath(url ?? '') ?? dateFromPath(source) ?? parseDate(page.text.slice(0, 2000))
  );
}

function extractUrl(fm: FrontMatter, page: PageIndex): string | null {
  const candidates = [
    page.canonical,
    metaContent(page, 'og:url'),
    stringField(fm, 'canonical_url', 'canonicalURL', 'canonical', 'url', 'permalink'),
  ];
  // A relative URL cannot be linked to from elsewhere, so it is no canonical URL.
  return candidates.find((u): u is string => !!u && /^https?:\/\//i.test(u.trim()))?.trim() ?? null;
}

function extractTags(fm: FrontMatter, page: PageIndex): string[] {
  const tags = [
    ...listField(fm.tags),
    ...listField(fm.categories),
    ...listField(fm.keywords),
    ...page.tags.map(textOf),
    ...page.articleTags,
    ...listField(metaContent(page, 'keywords')),
  ];
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.replace(/^#/, '').replace(/\s+/g, ' ').trim();
    if (tag && tag.length <= 60 && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

export function extractMeta($: CheerioAPI, frontMatter: FrontMatter, source = ''): PostMeta {
  const page = pageOf($);
  const url = extractUrl(frontMatter, page);
  const declared =
    primaryLanguage(stringField(frontMatter, 'lang', 'language', 'locale')) ??
    primaryLanguage(page.lang) ??
    primaryLanguage(metaContent(page, 'og:locale'));
  return {
    title: extractTitle($, frontMatter, page),
    date: extractDate(frontMatter, page, url, source),
    language: resolveLanguage(declared, page.text),
    url,
    tags: extractTags(frontMatter, page),
  };
}

/** The post's author as a person ("Jane Doe"), from front matter or meta tags, when it names one. */
export function authorOf($: CheerioAPI, frontMatter: FrontMatter): ExtractedSpeaker | null {
  const page = pageOf($);
  const raw =
    stringField(frontMatter, 'author') ?? metaContent(page, 'author') ?? metaContent(page, 'article:author');
  const person = raw ? parseOneSpeaker(raw) : null;
  return person ? { ...person, handle: null, affiliation: null } : null;
}
