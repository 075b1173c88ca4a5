/** Small inline posts for the archive tests. */
import type { ConferenceRef, ExtractedPost, ExtractedSpeaker, ExtractedTalk } from '../../src/model.ts';

export function speaker(
  name: string,
  handle: string | null = null,
  affiliation: string | null = null,
): ExtractedSpeaker {
  return { name, handle, affiliation };
}

export function talk(
  title: string | null,
  speakers: ExtractedSpeaker[],
  extra: Partial<ExtractedTalk> = {},
): ExtractedTalk {
  return {
    title,
    speakers,
    topics: [],
    kind: 'talk',
    anchor: null,
    conference: null,
    text: `Notes about ${title ?? 'a talk'}.`,
    ...extra,
  };
}

export function post(
  conference: ConferenceRef | null,
  talks: ExtractedTalk[],
  extra: Partial<ExtractedPost> = {},
): ExtractedPost {
  return {
    source: 'post',
    title: conference ? `${conference.name} ${conference.year ?? ''} recap` : 'Some notes',
    date: conference?.year ? `${conference.year}-06-01` : null,
    language: 'en',
    url: null,
    tags: [],
    conference,
    talks,
    warnings: [],
    ...extra,
  };
}

export function conf(name: string, year: number | null, city: string | null = null): ConferenceRef {
  return { name, year, city };
}

/** A deterministic shuffle (mulberry32), so a failing order can be replayed. */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
