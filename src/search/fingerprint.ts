import type { IndexedDoc } from './config.ts';

/**
 * A 53-bit hash (cyrb53) of the indexed text: only compared with the one saved for the same
 * talk, so it needs no cryptographic strength, and at load time it runs for every talk.
 */
export function fingerprint(doc: IndexedDoc): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const field of [doc.title, doc.speakers, doc.topics, doc.conference, doc.notes]) {
    for (let i = 0; i <= field.length; i++) {
      // A separator after each field: ["ab", "c"] and ["a", "bc"] differ.
      const ch = i < field.length ? field.charCodeAt(i) : 0x1f;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
