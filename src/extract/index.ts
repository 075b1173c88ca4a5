/**
 * extract/: one post's bytes -> ExtractedPost { meta, conference, talks[] }.
 *
 * Pure: no file system, no clock. Never throws: a post that cannot be read gives `talks: []`
 * and a warning that names the reason, so one bad post never aborts a run.
 */
import type { ConferenceRef, ExtractedPost, ExtractedTalk } from '../model.ts';
import { inferConference } from './conference.ts';
import { decodeText } from './decode.ts';
import { loadPost } from './load.ts';
import { authorOf, extractMeta } from './meta.ts';
import { assignTalkConferences } from './talk-conferences.ts';
import { findTalks, type TalkInContext } from './talks/index.ts';
import { matchTopics } from './topics.ts';

export const MAX_POST_BYTES = 5 * 1024 * 1024;

/** A post with no talks and one warning naming the file and the reason. */
export function emptyPost(source: string, warning: string): ExtractedPost {
  return {
    source,
    title: '',
    date: null,
    language: null,
    url: null,
    tags: [],
    conference: null,
    talks: [],
    warnings: [`${source}: ${warning}`],
  };
}

function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, 4096);
  let control = 0;
  // An indexed loop: iterating a typed array goes through its iterator, several times slower.
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return length > 0 && control / length > 0.1;
}

function withTopics(talks: TalkInContext[], conferences: (ConferenceRef | null)[]): ExtractedTalk[] {
  // Named fields, in the model's order: a rest pattern and a spread copy the talk key by key.
  return talks.map((talk, i) => ({
    title: talk.title,
    speakers: talk.speakers,
    topics: talk.topics.length
      ? talk.topics
      : matchTopics(`${talk.title ?? ''}\n${withoutNames(talk.section, talk)}`),
    kind: talk.kind,
    anchor: talk.anchor,
    conference: conferences[i] ?? null,
    text: talk.text,
  }));
}

/** The section without its speakers' names: "Julia Evans" or "Bryan C. Mills" name no language. */
function withoutNames(section: string, talk: ExtractedTalk): string {
  let text = section;
  for (const { name } of talk.speakers) if (name.includes(' ')) text = text.replaceAll(name, ' ');
  return text;
}

export function extractPost(source: string, bytes: Uint8Array): ExtractedPost {
  if (bytes.length === 0) return emptyPost(source, 'empty file');
  if (bytes.length > MAX_POST_BYTES)
    return emptyPost(source, `file too large (${bytes.length} bytes, limit ${MAX_POST_BYTES})`);
  if (looksBinary(bytes)) return emptyPost(source, 'binary file, not a post');
  try {
    const loaded = loadPost(source, decodeText(bytes));
    const meta = extractMeta(loaded.$, loaded.frontMatter, source);
    const found = findTalks(loaded.$, loaded.root, {
      title: meta.title,
      author: authorOf(loaded.$, loaded.frontMatter),
    });
    const assigned = assignTalkConferences(found, inferConference(loaded.$, meta), meta.title);
    const conference = assigned.post;
    const talks = withTopics(found, assigned.talks);
    const warnings = loaded.warnings.map((w) => `${source}: ${w}`);
    if (!talks.length)
      warnings.push(`${source}: no talks found (no heading, list item or paragraph names one)`);
    return { source, ...meta, conference, talks, warnings };
  } catch (error) {
    return emptyPost(source, `could not be parsed (${(error as Error).message})`);
  }
}
