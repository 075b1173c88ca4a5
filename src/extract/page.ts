/**
 * What the metadata and conference readers look up in a page (meta tags, <title>, headings,
 * tag links...), gathered in one walk over the tree. A selector per question would walk the
 * whole document each time, which costs more than parsing it. The index is made once per
 * document and kept beside it, so every reader of the same `$` shares it.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { blockText } from './text.ts';

export interface PageIndex {
  /** <meta name|property|itemprop> -> content, first value per key (keys lower-cased). */
  metas: ReadonlyMap<string, string>;
  /** Every article:tag / og:article:tag meta value. */
  articleTags: string[];
  /** The first <title>, as written. */
  title: string | null;
  canonical: string | null;
  /** The <html lang> attribute. */
  lang: string | null;
  h1: Element[];
  /** h1 to h4, in document order. */
  headings: Element[];
  /** The first time[datetime] or [itemprop=datePublished]. */
  time: Element | null;
  jsonLd: Element[];
  /** Elements themes use for post tags: a[rel~=tag], .tags a, .tags li, .tag-list a, .tag... */
  tags: Element[];
  body: Element | null;
  /**
   * The opening of the body's block text (see text.ts), about TEXT_HEAD characters: where a
   * post names its date, event and city, and enough to tell its language.
   */
  text: string;
}

interface Scope {
  /** Below an element of class "tags". */
  tags: boolean;
  /** Below one of class "tags", "post-tags" or "tag-list". */
  tagLinks: boolean;
}

const SPACE = /\s/;

/** Whether the character at `at` separates words, as `\s` does (the ends of `value` too). */
function separates(value: string, at: number): boolean {
  if (at < 0 || at >= value.length) return true;
  const code = value.charCodeAt(at);
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return code >= 0xa0 && SPACE.test(value[at]!);
}

/** `value.split(/\s+/).includes(word)` without the array: visit() asks it of most elements. */
function hasWord(value: string | undefined, word: string): boolean {
  if (!value) return false;
  for (let at = value.indexOf(word); at >= 0; at = value.indexOf(word, at + 1))
    if (separates(value, at - 1) && separates(value, at + word.length)) return true;
  return false;
}

/** h1 to h4, as /^h[1-4]$/ reads them, without a regex per element. */
function isHeading(name: string): boolean {
  return (
    name.length === 2 && name.charCodeAt(0) === 104 && name.charCodeAt(1) >= 49 && name.charCodeAt(1) <= 52
  );
}

function isTag(el: Element, scope: Scope): boolean {
  if (el.name === 'a' && (hasWord(el.attribs.rel, 'tag') || scope.tagLinks)) return true;
  return (el.name === 'li' && scope.tags) || hasWord(el.attribs.class, 'tag');
}

/** The text under a node, as cheerio's `.text()` gives it, without making a wrapper. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  // Most headings, links and tags hold one text: returned as is, with no array to join.
  if (node.children.length === 1) return textOf(node.children[0]!);
  return node.children.map(textOf).join('');
}

function visit(el: Element, scope: Scope, page: PageIndex): void {
  const { name, attribs } = el;
  if (name === 'meta') {
    const key = (attribs.name ?? attribs.property ?? attribs.itemprop ?? '').toLowerCase();
    const metas = page.metas as Map<string, string>;
    if (key && !metas.has(key)) metas.set(key, attribs.content?.trim() ?? '');
    if (attribs.property === 'article:tag' || attribs.property === 'og:article:tag')
      page.articleTags.push(attribs.content ?? '');
  } else if (name === 'title') page.title ??= textOf(el);
  else if (name === 'link' && hasWord(attribs.rel, 'canonical')) page.canonical ??= attribs.href ?? null;
  else if (name === 'html') page.lang ??= attribs.lang ?? null;
  else if (name === 'body') page.body ??= el;
  else if (name === 'script' && attribs.type === 'application/ld+json') page.jsonLd.push(el);
  if (isHeading(name)) page.headings.push(el);
  if (name === 'h1') page.h1.push(el);
  if (
    !page.time &&
    ((name === 'time' && attribs.datetime !== undefined) || attribs.itemprop === 'datePublished')
  )
    page.time = el;
  if (isTag(el, scope)) page.tags.push(el);
  const classes = attribs.class;
  // The classes that open a scope (tags, post-tags, tag-list) all hold "tag": without it the
  // scope stays the same, and is neither tested for nor rebuilt.
  const inner = classes?.includes('tag')
    ? {
        tags: scope.tags || hasWord(classes, 'tags'),
        tagLinks: scope.tagLinks || /(?:^|\s)(?:tags|post-tags|tag-list)(?:\s|$)/.test(classes),
      }
    : scope;
  for (const child of el.children)
    if (child.type === 'tag' || child.type === 'script') visit(child, inner, page);
}

export const TEXT_HEAD = 24_000;

const pages = new WeakMap<CheerioAPI, PageIndex>();

/** The index of the document `$` holds, made on first use and kept as long as the document. */
export function pageOf($: CheerioAPI): PageIndex {
  const known = pages.get($);
  if (known) return known;
  const page: PageIndex = {
    metas: new Map(),
    articleTags: [],
    title: null,
    canonical: null,
    lang: null,
    h1: [],
    headings: [],
    time: null,
    jsonLd: [],
    tags: [],
    body: null,
    text: '',
  };
  const scope = { tags: false, tagLinks: false };
  for (const node of $.root()[0]?.children ?? [])
    if (node.type === 'tag' || node.type === 'script') visit(node, scope, page);
  // Set in place rather than spread into a copy with the extra key.
  if (page.body) page.text = blockText([page.body], TEXT_HEAD);
  pages.set($, page);
  return page;
}
