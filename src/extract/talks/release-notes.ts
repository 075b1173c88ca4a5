/**
 * Tells release notes and changelogs from recaps. Their "Faster startup" headings each followed
 * by "By Jane Doe." are credits, not talks: a post that never speaks of talks, speakers or a
 * conference, and reads as a release ("version 4.2", "changelog", "fixed", "added"), has none.
 */
import type { Block } from './blocks.ts';

/**
 * Words only posts about talks use. Narrower than the recap test's list (classify.ts): "session",
 * "panel", "track" and "slides" are words of software too, and so are "talks to the server",
 * "nginx.conf" and "the presentation layer".
 */
const TALK_WORDS =
  /\b(?:talks?(?! to\b)|keynotes?|speakers?|(?<![./])conf(?:erences?)?|presentations?(?! (?:layer|logic|mode)\b)|presented|lightning|workshops?|meetups?|summit|vortr[aä]ge?|konferenz|conférences?|présentations?|intervenants?|orateurs?|oratrices?)\b|演讲|讲师|嘉宾|大会|议题|峰会/iu;

/** What release notes say, each a different sign: two of them make a release. */
const RELEASE_SIGNS = [
  /\bv?\d+\.\d+(?:\.\d+)*(?:-\w+)?\b/,
  /\breleas(?:e|es|ed)\b/i,
  /\bchange ?logs?\b/i,
  /\b(?:fixed|fixes|bug ?fix(?:es)?|added|removed|deprecated|breaking changes?|upgraded?)\b/i,
];

/** The distinct signs of a release in `texts`, added to `seen`; stops once two are seen. */
function countSigns(texts: Iterable<string>, seen: Set<number>): number {
  for (const text of texts) {
    for (let i = 0; i < RELEASE_SIGNS.length; i++)
      if (!seen.has(i) && RELEASE_SIGNS[i]!.test(text)) seen.add(i);
    if (seen.size >= 2) break;
  }
  return seen.size;
}

/** Any one of the signs, in one plain scan (no flags): the quick test of the opening texts. */
const ANY_SIGN =
  /\d\.\d|[Rr]eleas|[Cc]hange ?[Ll]og|[Ff]ixe[ds]|[Bb]ug ?fix|[Aa]dded|[Rr]emoved|[Dd]eprecated|[Bb]reaking change|[Uu]pgrade/;

/** Whether the title, a heading or an opening paragraph (where release notes say so) shows a sign. */
function signUpFront(title: string, blocks: readonly Block[]): boolean {
  if (ANY_SIGN.test(title)) return true;
  let paragraphs = 0;
  for (const block of blocks) {
    if (block.type === 'text' && paragraphs++ >= 3) continue;
    if (ANY_SIGN.test(block.text)) return true;
  }
  return false;
}

/** Whether the post reads as release notes: signs of a release, and no word about talks. */
export function readsAsReleaseNotes(title: string, blocks: readonly Block[]): boolean {
  // A recap seldom shows a sign of a release up front, and is then known without a full scan.
  if (!signUpFront(title, blocks)) return false;
  if (TALK_WORDS.test(title)) return false;
  for (const block of blocks) if (TALK_WORDS.test(block.text)) return false;
  return countSigns([title, ...blocks.map((block) => block.text)], new Set()) >= 2;
}
