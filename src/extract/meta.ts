/** Post metadata: title, date, language, canonical URL, tags. */
import type { CheerioAPI } from 'cheerio';

export interface PostMeta {
  title: string;
  date: string | null;
  language: string | null;
  url: string | null;
  tags: string[];
}

export function extractMeta($: CheerioAPI, frontMatter: Record<string, unknown>): PostMeta {
  const fmTitle = typeof frontMatter.title === 'string' ? frontMatter.title : null;
  const title = fmTitle ?? ($('h1').first().text().trim() || $('title').first().text().trim());
  return { title, date: null, language: $('html').attr('lang') ?? null, url: null, tags: [] };
}
