/**
 * The HTML pages. Each handler builds a view model from the request's state and renders one
 * template; the templates escape everything except the markup made in html.ts.
 */
import { type Response, Router } from 'express';
import type { Conference, Speaker, Topic } from '../../model.ts';
import { isEmptyQuery, parseHighlightQuery, parseSearchQuery } from '../params.ts';
import { conferenceLabel, talkSummary } from '../present.ts';
import { searchView } from '../search-view.ts';
import { type AppState, entityUrl } from '../state.ts';
import { loadEntity, loadTalk, stateOf } from './load.ts';
import { talkPage } from './talk-page.ts';

function render(res: Response, view: string, locals: Record<string, unknown>): void {
  res.set('Cache-Control', 'no-cache').render(view, locals);
}

function newestConferences(state: AppState, n: number): Conference[] {
  const key = (c: Conference) => c.date ?? String(c.year ?? '');
  return [...state.archive.conferences]
    .sort((a, b) => key(b).localeCompare(key(a)) || a.name.localeCompare(b.name))
    .slice(0, n);
}

function byTalkCount<T extends { name: string; talkIds: string[] }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.talkIds.length - a.talkIds.length || a.name.localeCompare(b.name));
}

function byName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}

const summaries = (state: AppState, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const talk = state.lookups.talks.get(id);
    return talk ? [talkSummary(state, talk)] : [];
  });

const entityLink = (
  kind: 'conferences' | 'speakers' | 'topics',
  item: { id: string; talkIds: string[] },
  text: string,
) => ({
  href: entityUrl(kind, item.id),
  text,
  count: item.talkIds.length,
});

export function pageRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    const state = stateOf(res);
    render(res, 'home', {
      title: 'Talk Archive',
      counts: {
        talks: state.archive.talks.length,
        conferences: state.archive.conferences.length,
        speakers: state.archive.speakers.length,
      },
      conferences: newestConferences(state, 8).map((c) => entityLink('conferences', c, conferenceLabel(c))),
      topics: byTalkCount(state.archive.topics)
        .slice(0, 24)
        .map((t) => entityLink('topics', t, t.name)),
    });
  });
  router.get('/search', (req, res) => {
    const state = stateOf(res);
    const query = parseSearchQuery(req.query);
    const view = isEmptyQuery(query) ? null : searchView(state, query, state.search.search(query));
    render(res, 'search', { title: query.q ? `${query.q} – search` : 'Search', query, view });
  });
  router.get('/talks/:conferenceId/:talkSlug', (req, res) => {
    const q = parseHighlightQuery(req.query);
    const talk = loadTalk(req, res);
    if (talk) render(res, 'talk', talkPage(stateOf(res), talk, q, res.locals.origin));
  });
  listRoutes(router);
  return router;
}

function listRoutes(router: Router): void {
  router.get('/conferences', (_req, res) => {
    const items = newestConferences(stateOf(res), Number.POSITIVE_INFINITY);
    render(res, 'list', {
      title: 'Conferences',
      heading: 'Conferences',
      items: items.map((c) => entityLink('conferences', c, conferenceLabel(c))),
    });
  });
  router.get('/speakers', (_req, res) => {
    const items = byName(stateOf(res).archive.speakers);
    render(res, 'list', {
      title: 'Speakers',
      heading: 'Speakers',
      items: items.map((s) => entityLink('speakers', s, s.name)),
    });
  });
  router.get('/topics', (_req, res) => {
    const items = byTalkCount(stateOf(res).archive.topics);
    render(res, 'list', {
      title: 'Topics',
      heading: 'Topics',
      items: items.map((t) => entityLink('topics', t, t.name)),
    });
  });
  router.get('/conferences/:id', (req, res) => {
    const state = stateOf(res);
    const conference = loadEntity<Conference>(state.lookups.conferences, req.params.id, 'conference');
    const details = [conference.city, conference.date].filter(Boolean).join(' · ');
    renderEntity(res, state, conference, conferenceLabel(conference), details, {
      conference: [conference.id],
    });
  });
  router.get('/speakers/:id', (req, res) => {
    const state = stateOf(res);
    const speaker = loadEntity<Speaker>(state.lookups.speakers, req.params.id, 'speaker');
    const details = [...speaker.handles, ...speaker.affiliations].join(' · ');
    renderEntity(res, state, speaker, speaker.name, details, { speaker: [speaker.id] });
  });
  router.get('/topics/:id', (req, res) => {
    const state = stateOf(res);
    const topic = loadEntity<Topic>(state.lookups.topics, req.params.id, 'topic');
    const details = topic.aliases.length > 0 ? `Also known as ${topic.aliases.join(', ')}` : '';
    renderEntity(res, state, topic, topic.name, details, { topic: [topic.id] });
  });
}

function renderEntity(
  res: Response,
  state: AppState,
  entity: { talkIds: string[] },
  heading: string,
  details: string,
  filter: Record<string, string[]>,
): void {
  const params = new URLSearchParams();
  for (const [key, values] of Object.entries(filter)) for (const value of values) params.append(key, value);
  const talks = summaries(state, entity.talkIds);
  render(res, 'entity', {
    title: heading,
    heading,
    details,
    talks,
    searchHref: `/search?${params}`,
    feedHref: `/feed.xml?${params}`,
  });
}
