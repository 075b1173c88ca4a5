/**
 * Block-aware text condensing: block elements and <br> become breaks, whitespace collapses, and
 * words on either side of a block boundary never glue together ("Title</p><p>Speaker").
 */
import type { AnyNode } from 'domhandler';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

interface Collected {
  parts: string[];
  /** Raw characters collected so far; collecting stops past `limit`. */
  length: number;
  limit: number;
}

function collect(node: AnyNode, out: Collected): void {
  if (out.length >= out.limit) return;
  if (node.type === 'text') {
    out.parts.push(node.data);
    out.length += node.data.length;
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const block = node.type === 'tag' && BLOCK_TAGS.has(node.name);
  if (block) out.parts.push('\n');
  for (const child of node.children) collect(child, out);
  if (block) out.parts.push('\n');
}

/**
 * Lines of text, one per block or <br>-separated run, each condensed and non-empty. With a
 * `limit`, only about the first `limit` characters of source text are read.
 */
export function textLines(nodes: readonly AnyNode[], limit = Number.POSITIVE_INFINITY): string[] {
  const out: Collected = { parts: [], length: 0, limit };
  for (const node of nodes) collect(node, out);
  return out.parts
    .join('')
    .split('\n')
    .map((line) => condense(line))
    .filter(Boolean);
}

/** The nodes' text on one line: blocks become spaces, whitespace collapses. */
export function blockText(nodes: readonly AnyNode[], limit = Number.POSITIVE_INFINITY): string {
  return textLines(nodes, limit).join(' ');
}

export function condense(text: string): string {
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}
