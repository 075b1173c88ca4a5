import { hash } from 'node:crypto';
import type { Talk } from '../model.ts';
import type { ArchiveLookup } from './lookup.ts';

/** Characters of a fingerprint: 96 bits of SHA-1 in base64. */
export const FP_WIDTH = 16;
/** Between the pieces of the text: ["ab", "c"] and ["a", "bc"] differ. */
const SEPARATOR = '\u001f';

/**
 * A hash of everything a talk's indexed text is made of: title, notes, and the text of the
 * speakers, topics and conference it points to (lookup.ts). A snapshot load computes it for
 * every talk, so it is one native hash call (SHA-1, faster than a hash loop in JavaScript over
 * the notes, even with the join). It is only ever compared with the one saved for the same
 * talk, not relied on for security.
 */
export function fingerprint(talk: Talk, lookup: ArchiveLookup): string {
  const pieces = [talk.title, talk.text || talk.summary];
  for (const id of talk.speakerIds) pieces.push(lookup.speakerText(id));
  pieces.push('');
  for (const id of talk.topicIds) pieces.push(lookup.topicText(id));
  pieces.push('', lookup.conferenceText(talk.conferenceId));
  return hash('sha1', pieces.join(SEPARATOR), 'base64').slice(0, FP_WIDTH);
}
