/**
 * The generated archive seen as extractor output: one ExtractedPost per conference, so the
 * benchmarks can run the real archive builder (src/archive/) on it and time post updates
 * through the same path the indexer takes.
 */
import type { Archive, ExtractedPost, Talk } from '../../src/model.ts';

export function toExtractedPosts(archive: Archive): [path: string, post: ExtractedPost][] {
  const talks = new Map(archive.talks.map((t) => [t.id, t]));
  const speakers = new Map(archive.speakers.map((s) => [s.id, s]));
  const topics = new Map(archive.topics.map((t) => [t.id, t.name]));
  const toTalk = (talk: Talk) => ({
    title: talk.title,
    speakers: talk.speakerIds.map((id) => ({
      name: speakers.get(id)?.name ?? id,
      handle: speakers.get(id)?.handles[0] ?? null,
      affiliation: null,
    })),
    topics: talk.topicIds.map((id) => topics.get(id) ?? id),
    kind: talk.kind,
    anchor: talk.slug,
    conference: null,
    text: talk.text,
  });
  return archive.conferences.map((conference) => [
    `${conference.id}.html`,
    {
      source: `${conference.id}.html`,
      title: `${conference.name} ${conference.year} recap`,
      date: conference.date,
      language: 'en',
      url: null,
      tags: [],
      conference: { name: conference.name, year: conference.year, city: conference.city },
      talks: conference.talkIds.map((id) => toTalk(talks.get(id) as Talk)),
      warnings: [],
    },
  ]);
}

/** A new version of a post: every talk's notes gain a sentence, as an author's edit would. */
export function revisePost(post: ExtractedPost, revision: number): ExtractedPost {
  const note = ` Revised (${revision}) after the video came out: kubernetes operators.`;
  return { ...post, talks: post.talks.map((talk) => ({ ...talk, text: `${talk.text}${note}` })) };
}
