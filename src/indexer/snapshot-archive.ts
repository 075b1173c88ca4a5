/**
 * The archive as archive.json stores it: without the notes, which posts.json already holds.
 * A talk's notes are most of an archive's bytes and were stored three times (the extraction,
 * each source, the talk); here each source names the talk of its post's extraction it comes
 * from, and the talk's joined text is left out when it is the join of its sources. Anything
 * that cannot be referenced that way is stored as it is, so packing never loses data.
 */
import type { Archive, ExtractedPost, Talk, TalkSource } from '../model.ts';

type PackedSource = Omit<TalkSource, 'text'> & { text: number | string };
/** `text` is null when it is the join of the sources' texts (kept as a key so fields keep their order). */
type PackedTalk = Omit<Talk, 'text' | 'sources'> & { text: string | null; sources: PackedSource[] };
export type PackedArchive = Omit<Archive, 'talks'> & { talks: PackedTalk[] };

/** The talk's notes as the archive joins them: each source's text once, in source order. */
function joinTexts(texts: string[]): string {
  return [...new Set(texts.map((text) => text.trim()).filter(Boolean))].join('\n\n');
}

function textPositions(extracted: Record<string, ExtractedPost>) {
  const byPost = new Map<string, Map<string, number>>();
  return (post: string): Map<string, number> => {
    let positions = byPost.get(post);
    if (!positions) {
      positions = new Map();
      // The first talk with a given text answers for it: any of them has the same text.
      for (const [index, talk] of (extracted[post]?.talks ?? []).entries())
        if (!positions.has(talk.text)) positions.set(talk.text, index);
      byPost.set(post, positions);
    }
    return positions;
  };
}

export function packArchive(archive: Archive, extracted: Record<string, ExtractedPost>): PackedArchive {
  const positionsOf = textPositions(extracted);
  const talks = archive.talks.map((talk): PackedTalk => {
    const { sources } = talk;
    const derivable = talk.text === joinTexts(sources.map((source) => source.text));
    return {
      ...talk,
      text: derivable ? null : talk.text,
      sources: sources.map((source) => ({ ...source, text: positionsOf(source.post).get(source.text) ?? source.text })),
    };
  });
  return { ...archive, talks };
}

/** The archive back in full; throws when a reference points at nothing (a mismatched pair of files). */
export function unpackArchive(packed: PackedArchive, extracted: Record<string, ExtractedPost>): Archive {
  const talks = packed.talks.map((talk): Talk => {
    const full = talk.sources.map((source) => {
      if (typeof source.text === 'string') return source as TalkSource;
      const found = extracted[source.post]?.talks[source.text]?.text;
      if (found === undefined) throw new Error(`archive.json refers to a talk posts.json lacks (${source.post})`);
      return { ...source, text: found };
    });
    return { ...talk, text: talk.text ?? joinTexts(full.map((source) => source.text)), sources: full };
  });
  return { ...packed, talks };
}
