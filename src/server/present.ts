/**
 * View models: plain objects the templates print. Every URL a template puts in an href is made
 * here, and only http(s) URLs from posts survive.
 */
import type { Conference, Ref, SearchHit, Talk, TalkSource } from '../model.ts';
import { highlight, recapHref, safeHref } from './html.ts';
import { type AppState, entityUrl, talkUrl } from './state.ts';

export interface LinkView {
  href: string;
  text: string;
}

export interface RecapLink {
  href: string;
  label: string;
  external: boolean;
}

export interface SourceView {
  anchorId: string;
  postTitle: string;
  date: string | null;
  link: RecapLink;
  /** Notes, escaped, with query terms in <mark>. */
  notesHtml: string;
}

export function sourceAnchorId(index: number): string {
  return `source-${index + 1}`;
}

/** Where "read the recap" goes: the post's section, or this site's copy of the notes. */
export function recapLink(talk: Pick<Talk, 'id'>, source: Partial<TalkSource>, index: number): RecapLink {
  const url = safeHref(source.url);
  const label = source.postTitle || 'the recap';
  if (url) {
    return { href: recapHref(url, source.anchor ?? null, source.excerpt ?? ''), label, external: true };
  }
  return { href: `${talkUrl(talk)}#${sourceAnchorId(index)}`, label, external: false };
}

export function conferenceLabel(conference: Pick<Conference, 'name' | 'year'>): string {
  return conference.year && !conference.name.includes(String(conference.year))
    ? `${conference.name} ${conference.year}`
    : conference.name;
}

function refs(state: AppState, kind: 'speakers' | 'topics', ids: readonly string[]): LinkView[] {
  const table = kind === 'speakers' ? state.lookups.speakers : state.lookups.topics;
  return ids.map((id) => ({ href: entityUrl(kind, id), text: table.get(id)?.name ?? id }));
}

export interface TalkSummaryView {
  href: string;
  title: string;
  speakers: LinkView[];
  conference: LinkView | null;
  topics: LinkView[];
  kind: string;
}

export function talkSummary(state: AppState, talk: Talk): TalkSummaryView {
  const conference = state.lookups.conferences.get(talk.conferenceId);
  return {
    href: talkUrl(talk),
    title: talk.title,
    speakers: refs(state, 'speakers', talk.speakerIds),
    conference: conference
      ? { href: entityUrl('conferences', conference.id), text: conferenceLabel(conference) }
      : null,
    topics: refs(state, 'topics', talk.topicIds),
    kind: talk.kind,
  };
}

export interface HitView extends TalkSummaryView {
  snippetHtml: string;
  recaps: RecapLink[];
}

const refLinks = (kind: 'speakers' | 'topics', items: Ref[]): LinkView[] =>
  items.map((item) => ({ href: entityUrl(kind, item.id), text: item.name }));

/** A search hit for the page; `q` rides along to the talk page to highlight the notes. */
export function hitView(state: AppState, hit: SearchHit, q: string): HitView {
  const talk = state.lookups.talks.get(hit.id);
  const sources = talk?.sources ?? hit.sources;
  const href = talkUrl(hit);
  return {
    href: q ? `${href}?q=${encodeURIComponent(q)}` : href,
    title: hit.title,
    speakers: refLinks('speakers', hit.speakers),
    conference: {
      href: entityUrl('conferences', hit.conference.id),
      text: conferenceLabel(hit.conference),
    },
    topics: refLinks('topics', hit.topics),
    kind: talk?.kind ?? 'talk',
    snippetHtml: hit.snippet,
    recaps: sources.map((source, i) => recapLink(hit, source, i)),
  };
}

export function sourceViews(talk: Talk, q: string): SourceView[] {
  return talk.sources.map((source, i) => ({
    anchorId: sourceAnchorId(i),
    postTitle: source.postTitle,
    date: source.date,
    link: recapLink(talk, source, i),
    notesHtml: highlight(source.text || source.excerpt, q),
  }));
}
