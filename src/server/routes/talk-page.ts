/**
 * The talk page's view model, with the metadata other sites read: canonical link, Open Graph
 * tags and schema.org JSON-LD (serialised so that no value can close its script element).
 */
import type { Talk } from '../../model.ts';
import { highlight, scriptJson } from '../html.ts';
import { conferenceLabel, sourceViews, talkSummary } from '../present.ts';
import { type AppState, talkUrl } from '../state.ts';

const DESCRIPTION_LENGTH = 200;

function description(talk: Talk): string {
  const text = (talk.summary || talk.text).replace(/\s+/g, ' ').trim();
  return text.length > DESCRIPTION_LENGTH ? `${text.slice(0, DESCRIPTION_LENGTH - 1)}…` : text;
}

function jsonLd(state: AppState, talk: Talk, canonical: string, origin: string): string {
  const conference = state.lookups.conferences.get(talk.conferenceId);
  const performer = talk.speakerIds.map((id) => ({
    '@type': 'Person',
    name: state.lookups.speakers.get(id)?.name ?? id,
    url: `${origin}/speakers/${encodeURIComponent(id)}`,
  }));
  return scriptJson({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: talk.title,
    url: canonical,
    description: description(talk),
    ...(talk.date ? { startDate: talk.date } : {}),
    performer,
    keywords: talk.topicIds.map((id) => state.lookups.topics.get(id)?.name ?? id).join(', '),
    ...(conference
      ? {
          superEvent: {
            '@type': 'Event',
            name: conferenceLabel(conference),
            url: `${origin}/conferences/${encodeURIComponent(conference.id)}`,
            ...(conference.date ? { startDate: conference.date } : {}),
            ...(conference.city ? { location: { '@type': 'Place', name: conference.city } } : {}),
          },
        }
      : {}),
  });
}

export function talkPage(state: AppState, talk: Talk, q: string, origin: string) {
  const canonical = `${origin}${talkUrl(talk)}`;
  const summary = talkSummary(state, talk);
  return {
    title: `${talk.title} – ${summary.conference?.text ?? ''}`,
    talk: summary,
    date: talk.date,
    q,
    sources: sourceViews(talk, q),
    notesHtml: highlight(talk.text || talk.summary, q),
    related: state.search.related(talk.id, 5).map((other) => talkSummary(state, other)),
    meta: {
      canonical,
      description: description(talk),
      ogTitle: talk.title,
      jsonLd: jsonLd(state, talk, canonical, origin),
    },
  };
}
