/** Builds the plain Talk record of one cluster of entries. */
import type { Talk, TalkSource } from '../model.ts';
import type { Cluster } from './cluster.ts';
import { slugify } from './text.ts';

const EXCERPT_LENGTH = 240;

/** Whitespace collapsed and trimmed. */
function condense(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The start of a text, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  // Only the start is shown: condensing a long text in full would cost more than the rest.
  // A short prefix usually condenses to more than enough, and then gives the same first characters.
  const quick = condense(text.slice(0, length + 80));
  const condensed = quick.length > length ? quick : condense(text.slice(0, length * 4));
  if (condensed.length <= length && text.length <= length * 4) return condensed;
  const cut = condensed.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

export function buildTalk(
  cluster: Cluster,
  conferenceId: string,
  speakerIdOf: (mentionId: string) => string | undefined,
): Talk {
  const { entries } = cluster;
  const sources: TalkSource[] = entries.map((entry) => ({
    post: entry.path,
    postTitle: entry.postTitle,
    url: entry.url,
    anchor: entry.anchor,
    excerpt: excerpt(entry.text),
    text: entry.text,
    date: entry.date,
  }));
  const firstText = entries.find((entry) => entry.text.trim())?.text ?? '';
  return {
    id: `${conferenceId}/${cluster.slug}`,
    conferenceId,
    slug: cluster.slug,
    title: cluster.title,
    titleDerived: cluster.titleDerived,
    speakerIds: unique(entries.flatMap((e) => e.speakers.map((s) => speakerIdOf(s.id) ?? ''))),
    topicIds: unique(entries.flatMap((e) => e.topics.map((topic) => slugify(topic)))),
    kind: entries.find((e) => e.kind !== 'talk')?.kind ?? 'talk',
    summary: excerpt(firstText),
    text: unique(entries.map((e) => e.text.trim())).join('\n\n'),
    date: entries.find((e) => e.date)?.date ?? null,
    sources,
  };
}
