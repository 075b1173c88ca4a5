/**
 * Finds the element that holds a page's article. An <article>, <main> or articleBody wins when
 * it holds most of the page's prose; otherwise the element with the most prose directly below
 * it (paragraph text, discounted by link text so menus and tag clouds score low) is the article.
 * One walk over the tree: no selector is compiled per element.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

// Tables and definition lists count as one piece of prose: their rows belong to the article.
const PROSE = new Set(['p', 'li', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'dl']);

interface Lengths {
  text: number;
  links: number;
}

/** What `String.prototype.trim` removes: white space and line terminators. */
function isTrimmed(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The length of `text.trim()`, without making the trimmed copy. */
export function trimmedLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  return end - start;
}

/** Text and link-text lengths under a node (raw characters; whitespace is rare enough to ignore). */
function lengths(node: AnyNode, inLink: boolean, out: Lengths): Lengths {
  if (node.type === 'text') addText(node.data, inLink, out);
  else if (node.type === 'tag') childLengths(node, inLink || node.name === 'a', out);
  return out;
}

function addText(data: string, inLink: boolean, out: Lengths): void {
  const length = trimmedLength(data);
  out.text += length;
  if (inLink) out.links += length;
}

/** `lengths` of each child, text children read in the loop: a call per text node costs more. */
function childLengths(el: Element, inLink: boolean, out: Lengths): void {
  for (const child of el.children) {
    if (child.type === 'text') addText(child.data, inLink, out);
    else if (child.type === 'tag') childLengths(child, inLink || child.name === 'a', out);
  }
}

function isLandmark(el: Element): boolean {
  return (
    el.name === 'article' ||
    el.name === 'main' ||
    el.attribs.role === 'main' ||
    el.attribs.itemprop === 'articleBody'
  );
}

interface Scan {
  scores: Map<Element, number>;
  landmarks: Element[];
  /** The text length under each element the scan passed, as `lengths` counts it. */
  textLengths: Map<Element, number>;
}

/**
 * Scores each container by the prose of its children (and, halved, grandchildren), and returns
 * the text length under `node`: summed on the way, so no subtree is walked twice for it.
 */
function scan(node: AnyNode, scanState: Scan): number {
  if (node.type !== 'tag' && node.type !== 'root') return 0;
  let total = 0;
  for (const child of node.children) {
    if (child.type === 'text') total += trimmedLength(child.data);
    if (child.type !== 'tag') continue;
    const landmark = isLandmark(child);
    if (landmark) scanState.landmarks.push(child);
    let length: number;
    if (PROSE.has(child.name)) {
      // Prose inside prose (a <p> in an <li>) is counted once, by its outermost element.
      const { text, links } = lengths(child, false, { text: 0, links: 0 });
      const score = Math.max(0, text - links * 0.9);
      addScore(scanState, child.parent, score);
      addScore(scanState, child.parent?.parent ?? null, score / 2);
      length = text;
    } else length = scan(child, scanState);
    // Only containers are scored (prose is scored into its parent), and landmarks compared.
    if (landmark || !PROSE.has(child.name)) scanState.textLengths.set(child, length);
    total += length;
  }
  return total;
}

function addScore(scanState: Scan, node: AnyNode['parent'], score: number): void {
  if (node && node.type === 'tag') scanState.scores.set(node, (scanState.scores.get(node) ?? 0) + score);
}

function best<T>(items: Iterable<T>, score: (item: T) => number): T | null {
  let top: T | null = null;
  let topScore = 0;
  for (const item of items) {
    const s = score(item);
    if (s > topScore) {
      top = item;
      topScore = s;
    }
  }
  return top;
}

export function findArticle($: CheerioAPI): Cheerio<Element> {
  const state: Scan = { scores: new Map(), landmarks: [], textLengths: new Map() };
  const root = $.root()[0]!;
  scan(root, state);
  const textLength = (el: Element) =>
    state.textLengths.get(el) ?? lengths(el, false, { text: 0, links: 0 }).text;
  const dense = best(state.scores.keys(), (el) => state.scores.get(el) ?? 0);
  const denseLength = dense ? textLength(dense) : 0;
  const landmark = best(state.landmarks, textLength);
  // A landmark that misses most of the prose (a wrapper of the title only) does not count.
  if (landmark && textLength(landmark) >= denseLength * 0.6) return $(landmark);
  if (dense) return $(dense);
  const first = root.children.find((c): c is Element => c.type === 'tag');
  return first ? $(first) : $('body');
}
