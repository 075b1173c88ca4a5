/**
 * Flattens the article into a list of blocks in document order: headings, paragraphs, list
 * items, table rows. One linear walk, so later steps never re-query the tree.
 */
import type { AnyNode, Element } from 'domhandler';
import { blockText, isBlockTag, textLines } from '../text.ts';
import { headingText } from './heading-text.ts';

export interface HeadingBlock {
  type: 'heading';
  level: number;
  text: string;
  id: string | null;
  el: Element;
}

export interface TextBlock {
  type: 'text';
  tag: string;
  /** Nesting depth of list items (0 outside lists). */
  depth: number;
  text: string;
  /** The block split at <br> and inner blocks. */
  lines: string[];
  /** Text of an emphasised or linked run that opens the block ("**Title**, Speaker"). */
  lead: string | null;
  /** True when the block opens with a link to a section of the same page (a contents entry). */
  inPageLink: boolean;
  /** Bold and linked runs anywhere in the block, for inline "**Title by Speaker**" mentions. */
  strong: string[];
  /** Links to a person's profile (Twitter, X), with the handle their address names. */
  profiles: { text: string; handle: string }[];
  /** Italic runs (<em>, <i>), where prose puts the titles of works: "he gave *Inventing on Principle*". */
  emphasis: string[];
  /** Link texts, where recaps put the people they name ("la keynote d'[Alex Danvy]"). */
  links: string[];
  /** For a table row: the text of each cell, empty ones included, and whether it is a header row. */
  cells: string[] | null;
  header: boolean;
  el: Element | null;
  nodes: AnyNode[];
}

export type Block = HeadingBlock | TextBlock;

const HEADING = /^h([1-6])$/;
const LEAF_TAGS = new Set(['p', 'pre', 'dt', 'dd', 'figcaption', 'tr', 'summary', 'address']);
const EMPHASIS = new Set(['strong', 'b', 'em', 'i', 'a', 'u', 'code']);
const STRONG = new Set(['strong', 'b', 'a']);
const ITALIC = new Set(['em', 'i']);

/** The emphasised or linked element that opens the block, if any. */
function leadOf(nodes: readonly AnyNode[]): Element | null {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim()) return null;
      continue;
    }
    if (node.type !== 'tag') continue;
    if (EMPHASIS.has(node.name)) return node;
    if (node.name === 'p' || node.name === 'span') return leadOf(node.children);
    return null;
  }
  return null;
}

function opensWithInPageLink(nodes: readonly AnyNode[]): boolean {
  for (const node of nodes) {
    if (node.type === 'text' && !node.data.trim()) continue;
    if (node.type !== 'tag') return false;
    if (node.name === 'a') return (node.attribs.href ?? '').startsWith('#');
    return node.name === 'p' || node.name === 'span' || node.name === 'strong'
      ? opensWithInPageLink(node.children)
      : false;
  }
  return false;
}

const PROFILE =
  /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(?:#!\/)?@?([A-Za-z0-9_]{1,15})\/?(?:[?#].*)?$/i;
const NOT_PROFILES = new Set(['share', 'intent', 'home', 'search', 'hashtag', 'i', 'login', 'signup']);

type Runs = Pick<TextBlock, 'strong' | 'links' | 'emphasis' | 'profiles'> & {
  /** The element that opens the block, and its text once the walk has read it. */
  lead: Element | null;
  leadText: string | null;
};

// Kinds of run an element is inside, as bits: no object per element visited.
const IN_STRONG = 1;
const IN_LINK = 2;
const IN_ITALIC = 4;
const IN_ALL = IN_STRONG | IN_LINK | IN_ITALIC;

function profileHandle(el: Element): string | null {
  const handle = el.name === 'a' ? PROFILE.exec(el.attribs.href ?? '')?.[1] : undefined;
  return handle && !NOT_PROFILES.has(handle.toLowerCase()) ? `@${handle}` : null;
}

/**
 * Bold, linked and italic runs and profile links under `nodes`, outermost of each kind only,
 * nested lists excluded; one walk, each run's text condensed once.
 */
function collectRuns(nodes: readonly AnyNode[], inside: number, out: Runs): Runs {
  for (const node of nodes) {
    if (node.type !== 'tag' || node.name === 'ul' || node.name === 'ol') continue;
    const strong = !(inside & IN_STRONG) && STRONG.has(node.name);
    const link = !(inside & IN_LINK) && node.name === 'a';
    const italic = !(inside & IN_ITALIC) && ITALIC.has(node.name);
    if (strong || link || italic) {
      const text = blockText([node]);
      if (strong) out.strong.push(text);
      if (link) out.links.push(text);
      if (italic) out.emphasis.push(text);
      const handle = link ? profileHandle(node) : null;
      if (handle) out.profiles.push({ text, handle });
      if (node === out.lead) out.leadText = text;
    }
    const deeper = inside | (strong ? IN_STRONG : 0) | (link ? IN_LINK : 0) | (italic ? IN_ITALIC : 0);
    if (deeper !== IN_ALL) collectRuns(node.children, deeper, out);
  }
  return out;
}

function textBlock(tag: string, depth: number, nodes: AnyNode[], el: Element | null): TextBlock | null {
  const lines = textLines(nodes);
  if (!lines.length) return null;
  const lead = leadOf(nodes);
  const runs: Runs = { strong: [], links: [], emphasis: [], profiles: [], lead, leadText: null };
  collectRuns(nodes, 0, runs);
  return {
    type: 'text',
    tag,
    depth,
    text: lines.length === 1 ? lines[0]! : lines.join(' '),
    lines,
    // A lead that is also a bold, linked or italic run was read already: its text is not read twice.
    lead: lead && ((runs.leadText ?? blockText([lead])) || null),
    inPageLink: opensWithInPageLink(nodes),
    strong: runs.strong,
    links: runs.links,
    emphasis: runs.emphasis,
    profiles: runs.profiles,
    cells: tag === 'tr' ? cellsOf(nodes) : null,
    header: tag === 'tr' && nodes.some((n) => n.type === 'tag' && n.name === 'th'),
    el,
    nodes,
  };
}

function cellsOf(nodes: readonly AnyNode[]): string[] {
  return nodes
    .filter((n): n is Element => n.type === 'tag' && (n.name === 'td' || n.name === 'th'))
    .map((cell) => blockText([cell]));
}

interface Walk {
  blocks: Block[];
  depth: number;
}

function pushInline(walk: Walk, run: AnyNode[]): void {
  const block = textBlock('p', walk.depth, run, null);
  if (block) walk.blocks.push(block);
}

const isList = (node: AnyNode): node is Element =>
  node.type === 'tag' && (node.name === 'ul' || node.name === 'ol');

function visitItem(el: Element, walk: Walk): void {
  // Most items hold no nested list: their children are the block's nodes as they are, not a copy.
  const own = el.children.some(isList) ? el.children.filter((c) => !isList(c)) : el.children;
  const block = textBlock('li', walk.depth, own, el);
  if (block) walk.blocks.push(block);
  walk.depth++;
  for (const child of el.children) if (isList(child)) visitChildren(child, walk);
  walk.depth--;
}

function visitElement(el: Element, walk: Walk): void {
  // Only a two-letter name may be a heading: the others are not matched.
  const heading = el.name.length === 2 ? HEADING.exec(el.name) : null;
  if (heading) {
    const text = headingText(el);
    if (text)
      walk.blocks.push({ type: 'heading', level: Number(heading[1]), text, id: el.attribs.id || null, el });
  } else if (el.name === 'li') visitItem(el, walk);
  else if (LEAF_TAGS.has(el.name)) {
    const block = textBlock(el.name, walk.depth, el.children, el);
    if (block) walk.blocks.push(block);
  } else visitChildren(el, walk);
}

/** Block children are visited; runs of inline children between them form one paragraph. */
function visitChildren(parent: Element, walk: Walk): void {
  // Started at the first inline child: adjacent blocks leave no empty run to read.
  let run: AnyNode[] | null = null;
  for (const child of parent.children) {
    // Headings are block tags too: an inline child is never one.
    if (child.type === 'tag' && isBlockTag(child.name) && child.name !== 'br') {
      if (run) pushInline(walk, run);
      run = null;
      visitElement(child, walk);
    } else if (run) run.push(child);
    else run = [child];
  }
  if (run) pushInline(walk, run);
}

export function flattenBlocks(root: Element): Block[] {
  const walk: Walk = { blocks: [], depth: 0 };
  visitChildren(root, walk);
  return walk.blocks;
}
