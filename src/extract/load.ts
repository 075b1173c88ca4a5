/**
 * Turns a post's bytes into a cheerio document: decodes the text, renders Markdown and plain
 * text to HTML, reads front matter, and strips page chrome. This is the one place that calls
 * cheerio.load; every extractor downstream receives the cleaned `$` and the article root.
 */

import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';

export type PostFormat = 'html' | 'md' | 'txt';

export interface LoadedPost {
  $: CheerioAPI;
  /** Selector-free handle on the element that holds the article body. */
  root: ReturnType<CheerioAPI>;
  format: PostFormat;
  frontMatter: Record<string, unknown>;
  warnings: string[];
}

const CHROME = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'nav',
  'footer',
  'aside',
  'form',
  'header.site',
  '[role=navigation]',
  '.comments',
  '#comments',
  '.share',
  '.sharing',
].join(',');

export function formatOf(source: string): PostFormat {
  const lower = source.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.txt')) return 'txt';
  return 'html';
}

const markdown = new MarkdownIt({ html: true, linkify: false });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${escapeHtml(para).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

export function loadPost(source: string, text: string): LoadedPost {
  const format = formatOf(source);
  const warnings: string[] = [];
  let html = text;
  let frontMatter: Record<string, unknown> = {};
  if (format === 'md') {
    const parsed = matter(text);
    frontMatter = parsed.data;
    html = markdown.render(parsed.content);
  } else if (format === 'txt') {
    html = textToHtml(text);
  }
  const $ = cheerio.load(html, { xml: false });
  $(CHROME).remove();
  const article = $('article').first();
  const main = $('main').first();
  const root = article.length ? article : main.length ? main : $('body');
  return { $, root, format, frontMatter, warnings };
}
