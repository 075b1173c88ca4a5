/**
 * The few places that make HTML or script text from data. Everything else in the views is
 * escaped by EJS (`<%=`); what these functions return is the only trusted markup.
 */

import { escapeHtml } from '../search/snippet.ts';

// One escaping function for every piece of trusted markup, snippets included.
export { escapeHtml };

/** Words of a query worth highlighting: letters and digits, two characters or more. */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 12);
}

/**
 * Escapes the text, then wraps the words that start with a query term in <mark>. The split
 * happens on the raw text, so a term can never match inside an entity such as `&amp;`.
 */
export function highlight(text: string, query: string): string {
  const terms = queryTerms(query);
  if (terms.length === 0) return escapeHtml(text);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map(escapeRegExp).join('|')})`, 'giu');
  return text
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` are escaped as
 * unicode so a value like `</script>` cannot close the element.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A URL from a post may become an href only when it is plain http(s). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The link to the recap of a talk in its post: the section's anchor, else a text fragment. */
export function recapHref(url: string, anchor: string | null, excerpt: string): string {
  const base = url.replace(/#.*$/, '');
  if (anchor) return `${base}#${encodeURIComponent(anchor)}`;
  const words = excerpt.split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
  return words ? `${base}#:~:text=${encodeTextFragment(words)}` : base;
}

/** Text fragments reserve `-`, `,` and `&` besides what encodeURIComponent escapes. */
function encodeTextFragment(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}
