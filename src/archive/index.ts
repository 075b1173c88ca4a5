/**
 * archive/: ExtractedPost[] -> Archive. `ArchiveBuilder` keeps the archive up to date post by
 * post; `buildArchive` is the one-shot form.
 */
import type { Archive, ExtractedPost } from '../model.ts';
import { ArchiveBuilder, type ArchiveOptions } from './builder.ts';

export { ArchiveBuilder, type ArchiveChange, type ArchiveOptions } from './builder.ts';
export { type SeriesEntry, seriesKey } from './conference.ts';
export { entryKey, mentionId, splitEntryKey, splitMentionId } from './entries.ts';
export type { TopicDefinition } from './records.ts';
export type { MergeState, Restorer } from './restore.ts';
export { slugify } from './text.ts';

/** Posts keyed by their path relative to the posts folder. */
export function buildArchive(
  posts: Iterable<[path: string, post: ExtractedPost]>,
  options?: ArchiveOptions,
): Archive {
  const builder = new ArchiveBuilder(options);
  builder.load(posts);
  return builder.toArchive();
}
