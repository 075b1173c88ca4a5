/**
 * The data the archive merges with: known conference series (data/conferences.json) and the
 * topic vocabulary (data/topics.json), both read through the extractor's loaders. A hash of
 * them is part of the snapshot's configuration: editing either one re-extracts every post.
 */
import { type SeriesEntry, seriesKey, type TopicDefinition } from '../archive/index.ts';
import { conferenceMatcher } from '../extract/conference-data.ts';
import { loadTopicVocabulary } from '../extract/topics.ts';
import { sha256 } from './scan.ts';

export interface Vocabulary {
  series: SeriesEntry[];
  topics: TopicDefinition[];
}

export function loadVocabulary(): Vocabulary {
  const series = conferenceMatcher().data.series.map((entry) => ({
    series: seriesKey(entry.name),
    name: entry.name,
    aliases: entry.aliases ?? [],
    city: entry.city ?? null,
    ...(entry.names ? { names: entry.names } : {}),
  }));
  const topics = loadTopicVocabulary().map((topic) => ({ name: topic.name, aliases: [...topic.aliases] }));
  return { series, topics };
}

export function vocabularyHash(vocabulary: Vocabulary): string {
  return sha256(JSON.stringify(vocabulary)).slice(0, 16);
}
