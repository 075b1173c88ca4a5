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

/** The nodes' text with a line break around each block: about `limit` characters at most. */
function rawText(nodes: readonly AnyNode[], limit: number): string {
  // A lone text, or an inline element around one ("<a>Jane Doe</a>"), is its own text: no walk.
  const only = nodes.length === 1 && limit > 0 ? nodes[0]! : null;
  if (only?.type === 'text') return only.data;
  if (only?.type === 'tag' && only.children.length === 1 && !BLOCK_TAGS.has(only.name)) {
    const child = only.children[0]!;
    if (child.type === 'text') return child.data;
  }
  const out: Collected = { parts: [], length: 0, limit };
  for (const node of nodes) collect(node, out);
  return out.parts.join('');
}

/**
 * Lines of text, one per block or <br>-separated run, each condensed and non-empty. With a
 * `limit`, only about the first `limit` characters of source text are read.
 */
export function textLines(nodes: readonly AnyNode[], limit = Number.POSITIVE_INFINITY): string[] {
  const raw = rawText(nodes, limit);
  const lines: string[] = [];
  // Walked rather than split: blocks leave runs of empty lines, skipped here without a copy.
  for (let start = 0; start <= raw.length; ) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    if (end > start) {
      const line = condense(raw.slice(start, end));
      if (line) lines.push(line);
    }
    start = end + 1;
  }
  return lines;
}

/**
 * The nodes' text on one line: blocks become spaces, whitespace collapses. The same as joining
 * `textLines` with spaces, since condensing turns every break and the blank lines around it
 * into one space, without splitting into lines first.
 */
export function blockText(nodes: readonly AnyNode[], limit = Number.POSITIVE_INFINITY): string {
  return condense(rawText(nodes, limit));
}

/**
 * Whitespace that `condense` rewrites: a run of two or more, or one that is not a plain space.
 * A lone space stays as it is, so most of a text is never matched nor copied.
 */
const TO_CONDENSE = /[\s\u200b]{2,}|[^\S ]|\u200b/g;

export function condense(text: string): string {
  return text.replace(TO_CONDENSE, ' ').trim();
}
