/** Random extracted posts for the archive's property tests, drawn from small sets of near-duplicates. */
import fc from 'fast-check';
import type { ConferenceRef, ExtractedPost } from '../../src/model.ts';
import { post, speaker, talk } from './posts.ts';

export interface Choices {
  titles: (string | null)[];
  names: string[];
  handles: (string | null)[];
  conferences: (ConferenceRef | null)[];
}

/** A post of up to four talks, each with one speaker and one topic picked from `choices`. */
export function arbitraryPost(choices: Choices): fc.Arbitrary<ExtractedPost> {
  return fc
    .record({
      conference: fc.constantFrom(...choices.conferences),
      talks: fc.array(
        fc.record({
          title: fc.constantFrom(...choices.titles),
          name: fc.constantFrom(...choices.names),
          handle: fc.constantFrom(...choices.handles),
          topic: fc.constantFrom('Kubernetes', 'Rust', 'kubernetes'),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ conference, talks }) =>
      post(
        conference,
        talks.map((t) => talk(t.title, [speaker(t.name, t.handle)], { topics: [t.topic] })),
      ),
    );
}
