/**
 * Plain-text posts to HTML. Paragraphs are separated by blank lines; a short one-line paragraph
 * without closing punctuation is a heading. A heading followed by a speaker line ("Jane Doe -
 * @jdoe") opens a talk, so it ranks above the others and its notes run to the next such heading.
 */
import { isNameLike } from './speakers.ts';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

function looksLikeHeading(para: string): boolean {
  return !para.includes('\n') && para.length <= 90 && !/[.,;:…]$/.test(para) && /\p{L}/u.test(para);
}

function looksLikeSpeakerLine(para: string | undefined): boolean {
  if (!para || para.length > 160) return false;
  const head = para
    .split(/\s[-–—|]\s|,|\(|\s@/)[0]!
    .replace(/[*_]/g, '')
    .trim();
  return isNameLike(head);
}

export function textToHtml(text: string): string {
  const paras = text
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.trim())
    .filter(Boolean);
  return paras
    .map((para, i) => {
      const html = escapeHtml(para).replace(/\r?\n/g, '<br>');
      if (!looksLikeHeading(para) || looksLikeSpeakerLine(para)) return `<p>${html}</p>`;
      return looksLikeSpeakerLine(paras[i + 1]) ? `<h2>${html}</h2>` : `<h3>${html}</h3>`;
    })
    .join('\n');
}
