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
    const line = condenseSpan(raw, start, end);
    if (line) lines.push(line);
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
  const raw = rawText(nodes, limit);
  return condenseSpan(raw, 0, raw.length);
}

/** Whitespace as `\s` reads it, and the zero-width space: what condensing rewrites. */
function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 160) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Whitespace that `condense` rewrites: a run of two or more, or one that is not a plain space.
 * A lone space stays as it is, so most of a text is never matched nor copied. The first class
 * spells out `\s` without the space: cheaper to test than a negated `\s` on two-byte strings.
 */
const TO_CONDENSE =
  /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff][\s\u200b]*| [\s\u200b]+/g;

/**
 * `text.slice(start, end)` condensed. The edges are trimmed before the inner whitespace is
 * rewritten: a blank span costs no copy, and an indented one is not copied twice.
 */
function condenseSpan(text: string, start: number, end: number): string {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (start === end) return '';
  const inner = start === 0 && end === text.length ? text : text.slice(start, end);
  return inner.replace(TO_CONDENSE, ' ');
}

export function condense(text: string): string {
  return condenseSpan(text, 0, text.length);
}
