/**
 * Turns a post's text into a cheerio document: renders Markdown and plain text to HTML, reads
 * front matter, strips page chrome and finds the article body. This is the one place that calls
 * cheerio.load; every extractor downstream receives the cleaned `$` and the article root.
 */

import type { Cheerio, CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import { findArticle } from './article.ts';
import { textToHtml } from './plaintext.ts';

export type PostFormat = 'html' | 'md' | 'txt';

export interface LoadedPost {
  $: CheerioAPI;
  /** The element that holds the article body. */
  root: Cheerio<Element>;
  format: PostFormat;
  frontMatter: Record<string, unknown>;
  warnings: string[];
}

/** Elements that are never part of an article. JSON-LD scripts stay: they carry the post's metadata. */
const CHROME_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'nav',
  'aside',
  'form',
  'button',
  'dialog',
]);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'search', 'banner', 'contentinfo']);

/** class/id words of widgets themes put around (and sometimes inside) the article. */
const CHROME_NAME =
  /(?:^|[\s_-])(?:comments?|disqus|share|sharing|social|sharedaddy|related|sidebar|widgets?|newsletter|subscribe|breadcrumbs?|pagination|pager|navbar|menu|cookies?|post-nav|author-bio|jp-relatedposts|footer|site-header|masthead)(?:$|[\s_-])/i;

const CHROME_ID =
  /^(?:comments?|disqus_thread|respond|sidebar|related(?:-posts)?|share|sharing|footer|site-footer|header|site-header|nav|navbar|menu|masthead)$/i;
const KEEP = new Set(['html', 'body', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li']);

export function formatOf(source: string): PostFormat {
  const lower = source.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.txt')) return 'txt';
  return 'html';
}

function toHtml(format: PostFormat, text: string): { html: string; frontMatter: Record<string, unknown> } {
  if (format === 'md') {
    try {
      // With options, gray-matter skips its cache, which keeps every text it parsed for the life
      // of the process (a leak in a long-running indexer) and hands out shared `data` objects.
      const parsed = matter(text, {});
      return { html: markdownRenderer().render(parsed.content), frontMatter: parsed.data };
    } catch {
      // Broken front matter: render the whole text rather than losing the post.
      return { html: markdownRenderer().render(text), frontMatter: {} };
    }
  }
  if (format === 'txt') return { html: textToHtml(text), frontMatter: {} };
  return { html: text, frontMatter: {} };
}

// Building a renderer costs more than rendering a post: one is made on first use and reused.
// It holds configuration only, so sharing it never makes one post depend on another.
let renderer: MarkdownIt | null = null;

function markdownRenderer(): MarkdownIt {
  renderer ??= new MarkdownIt({ html: true, linkify: false });
  return renderer;
}

function isChrome(el: Element): boolean {
  if (KEEP.has(el.name)) return false;
  if (CHROME_TAGS.has(el.name)) return !(el.name === 'script' && el.attribs.type === 'application/ld+json');
  const { role, class: className, id } = el.attribs;
  if ((role && CHROME_ROLES.has(role)) || el.attribs['aria-hidden'] === 'true') return true;
  if (el.name === 'header' || el.name === 'footer') return !holdsTitle(el);
  // Ids are often slugs of headings ("the-social-web"): only whole widget ids count.
  return (!!className && CHROME_NAME.test(className)) || (!!id && CHROME_ID.test(id));
}

/** A header holding the post title (and few links) belongs to the article; site headers do not. */
function holdsTitle(el: Element): boolean {
  let headings = 0;
  let links = 0;
  const visit = (node: AnyNode) => {
    if (node.type !== 'tag') return;
    if (node.name === 'h1' || node.name === 'h2') headings++;
    if (node.name === 'a') links++;
    for (const child of node.children) visit(child);
  };
  visit(el);
  return headings > 0 && links <= 6;
}

/** Unlinks a node from its parent and siblings, as cheerio's `remove` does, without a wrapper. */
function detach(node: AnyNode, siblings: AnyNode[], index: number): void {
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  siblings.splice(index, 1);
  node.prev = node.next = node.parent = null;
}

/**
 * One walk over the tree, removing chrome subtrees in place. Children are visited last to
 * first, so removing one never shifts those still to visit; each decision reads only the
 * child's own subtree, so the order changes nothing else.
 */
function stripChrome(node: ParentNode): void {
  const children = node.children;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i]!;
    if (child.type === 'comment') detach(child, children, i);
    else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      if (isChrome(child)) detach(child, children, i);
      else stripChrome(child);
    }
  }
}

export function loadPost(source: string, text: string): LoadedPost {
  const format = formatOf(source);
  const warnings: string[] = [];
  const converted = toHtml(format, text);
  const frontMatter = converted.frontMatter;
  // htmlparser2 adds no implied <body>: fragments get one, so the article always has an element.
  const html = /<body[\s>]/i.test(converted.html)
    ? converted.html
    : `<html><body>${converted.html}</body></html>`;
  // htmlparser2 (through the `xml` options) is several times faster than parse5 and reads the
  // recap pages we know the same way.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  stripChrome($.root()[0]!);
  const root = findArticle($);
  return { $, root, format, frontMatter, warnings };
}
