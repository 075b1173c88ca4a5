/**
 * Related talks from the facet maps alone (no text search): each shared topic counts, weighted
 * so that a rare topic says more than a common one; the same speaker counts more than a topic;
 * the same conference a little. Ties go to the newest talk.
 */
import type { Talk } from '../model.ts';
import { compareNewest, type TalkTable } from './tables.ts';

const SPEAKER_WEIGHT = 3;
const TOPIC_WEIGHT = 2;
const CONFERENCE_WEIGHT = 0.5;

export function relatedTalks(table: TalkTable, talkId: string, limit: number): Talk[] {
  const record = table.byId.get(talkId);
  const n = Math.max(0, Math.min(100, Math.floor(Number(limit) || 0)));
  if (!record || n === 0) return [];
  const scores = new Map<number, number>();
  const bump = (nums: Set<number> | undefined, weight: number) => {
    for (const num of nums ?? []) if (num !== record.num) scores.set(num, (scores.get(num) ?? 0) + weight);
  };
  for (const topic of record.facets.topic) {
    const talks = table.facets.topic.get(topic);
    // 1 / log: a topic shared by two talks weighs more than one shared by hundreds.
    bump(talks, TOPIC_WEIGHT / Math.log2(1 + (talks?.size ?? 1)));
  }
  for (const speaker of record.facets.speaker) bump(table.facets.speaker.get(speaker), SPEAKER_WEIGHT);
  for (const conf of record.facets.conference) bump(table.facets.conference.get(conf), CONFERENCE_WEIGHT);
  const ranked = [...scores].map(([num, score]) => ({ talk: table.byNum.get(num)!.talk, score }));
  ranked.sort((a, b) => b.score - a.score || compareNewest(a.talk, b.talk));
  return ranked.slice(0, n).map((r) => r.talk);
}
