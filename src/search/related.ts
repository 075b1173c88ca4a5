/**
 * Related talks from the facet maps alone (no text search): each shared topic counts, weighted
 * so that a rare topic says more than a common one; the same speaker counts more than a topic;
 * the same conference a little. Ties go to the newest talk.
 */
import type { Talk } from '../model.ts';
import { FACET_NAMES } from './lookup.ts';
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
  const weights = [
    (talks: Set<number>) => TOPIC_WEIGHT / Math.log2(1 + talks.size),
    () => CONFERENCE_WEIGHT,
    () => 0,
    () => SPEAKER_WEIGHT,
  ];
  // Topics, then speakers, then the conference: the order scores were always summed in.
  const codes = [0, 3, 1].flatMap((f) => table.codes.get(record.num).filter((code) => (code & 3) === f));
  for (const code of codes) {
    const facet = FACET_NAMES[code & 3]!;
    const talks = table.facets[facet].members[code >> 2]!;
    // 1 / log for topics: a topic shared by two talks weighs more than one shared by hundreds.
    const weight = weights[code & 3]!(talks);
    if (weight > 0) bump(talks, weight);
  }
  const ranked = [...scores].map(([num, score]) => ({ talk: table.get(num)!.talk, score }));
  ranked.sort((a, b) => b.score - a.score || compareNewest(a.talk, b.talk));
  return ranked.slice(0, n).map((r) => r.talk);
}
