/**
 * People named in prose rather than on a line of their own: a paragraph that opens with them
 * ("Jane Doe, from Acme, started the morning…"), a name with its handle ("Jane Doe (@jdoe)
 * talked about…"), a linked full name, or a first name linked to its profile.
 */
import type { ExtractedSpeaker } from '../../model.ts';
import { parseOneSpeaker } from '../speakers.ts';
import type { TextBlock } from './blocks.ts';
import { leadingRun, namesOpening } from './patterns.ts';

/** What follows a person who opens a paragraph when the paragraph is about their talk. */
const PROSE_VERB =
  /^(?:\s+from\b|,\s*(?:from|of|de|founder|co-?founder|cto|ceo|head|engineer|developer|who)|\s+(?:(?:talked|spoke)(?! (?:to|with) me\b| with us\b)|gave|presented|opened|started|kicked|showed|explained|shared|introduced|demonstrated|walked|told|took|began|closed|was|is|had|did|delivered|described|discussed|argued|reminded|made|nous|a\s|est|présente)\b|['’]s\s+(?:keynote|talk|session|presentation|workshop|walkthrough|talked|lecture)\b)/i;

/** Someone named with a handle in the first sentence: "Jane Doe (@jdoe) talked about…". */
export function handled(text: string): ExtractedSpeaker[] {
  if (!text.includes('@')) return [];
  const match = text.match(/((?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’.-]+)\s*\(?\s*(@\w+)\)?/u);
  if (!match) return [];
  // "Bravo Romain Menetrier (@r)": drop leading words until a name remains.
  const words = match[1]!.split(/\s+/);
  for (let i = 0; i < words.length - 1; i++) {
    const one = parseOneSpeaker(words.slice(i).join(' '));
    if (one) return [{ ...one, handle: match[2]! }];
  }
  return [];
}

/** A handle right after a name: " (@jd)". */
const HANDLE_AFTER = /^\s*\(?\s*(@\w+)\s*\)?/;

/** "Jane Doe, from Acme, started the morning…", "Jane Doe (@jd) showed us…". */
export function proseSpeakers(text: string): ExtractedSpeaker[] {
  // "Firstly, Jane Doe and Bo Li from Acme…": a leading adverb does not hide the speakers.
  const plain = text.replace(
    /^(?:firstly|first|then|next|finally|later|afterwards|ensuite|puis|enfin),\s+/i,
    '',
  );
  const run = leadingRun(plain);
  // What follows the names is asked first: most paragraphs that open with a name go on otherwise.
  const after = run ? plain.slice(run.length) : '';
  if (!run || (!HANDLE_AFTER.test(after) && !PROSE_VERB.test(after))) return [];
  const { speakers, rest } = namesOpening(plain, run);
  if (!speakers.length) return [];
  const handle = rest.match(HANDLE_AFTER);
  if (handle && speakers.length === 1) return [{ ...speakers[0]!, handle: handle[1]! }];
  return PROSE_VERB.test(rest) ? speakers : [];
}

/**
 * A linked full name in the opening paragraph ("la keynote d'[Alex Danvy]"). Weaker than a
 * byline: it names the speaker of a section already known to be a talk, never makes one.
 */
export function linkedPerson(blocks: readonly TextBlock[]): ExtractedSpeaker[] {
  for (const run of blocks[0]?.links ?? []) {
    const one = parseOneSpeaker(run);
    if (one && !one.affiliation && one.name === run.trim()) return [one];
  }
  return [];
}

const PROFILE_NAME = /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}$/u;

/**
 * "I heard [Attila] mention…": a person linked to their profile in the section's first sentence.
 * The profile address makes even a first name alone a person, and gives their handle.
 */
export function profileInOpening(block: TextBlock | undefined): ExtractedSpeaker[] {
  if (!block?.profiles.length) return [];
  // The first sentence: up to the first break after a mark, found without splitting the block.
  const end = block.text.search(/(?<=[.!?])\s/);
  const opening = end < 0 ? block.text : block.text.slice(0, end);
  for (const { text, handle } of block.profiles) {
    if (!PROFILE_NAME.test(text) || !opening.includes(text)) continue;
    const full = parseOneSpeaker(text);
    if (full || !text.includes(' ')) return [{ name: full?.name ?? text, handle, affiliation: null }];
  }
  return [];
}
