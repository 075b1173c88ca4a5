/**
 * The HTML pages. Each handler builds a view model from the request's state and renders one
 * template; the templates escape everything except the markup made in html.ts.
 */
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Conference, Speaker, Topic } from '../../model.ts';
import { type AnswerCache, answerOf, sendAnswer } from '../answer-cache.ts';
import { isEmptyQuery, parseHighlightQuery, parseSearchQuery, queryKey } from '../params.ts';
import { conferenceLabel, talkSummary } from '../present.ts';
import { searchView } from '../search-view.ts';
import { type AppState, entityUrl } from '../state.ts';
import { loadEntity, loadTalk, stateOf } from './load.ts';
import { talkPage } from './talk-page.ts';

/** Talks listed on a conference, speaker or topic page. */
export const ENTITY_PAGE_TALKS = 100;

const PAGE_CACHE = 'no-cache';

function render(res: Response, view: string, locals: Record<string, unknown>): void {
  res.set('Cache-Control', PAGE_CACHE).render(view, locals);
}

/**
 * The search page, rendered once per query and state and then sent from the cache. The page
 * depends on the query, the state and the asset URLs (fixed for the process), never on the
 * request's origin.
 */
function searchPage(cache: AnswerCache) {
  return (req: Request, res: Response, next: NextFunction) => {
    const state = stateOf(res);
    const query = parseSearchQuery(req.query);
    const key = `page ${queryKey(query)}`;
    const kept = cache.get(state, key);
    if (kept) return sendAnswer(res, 'html', PAGE_CACHE, kept);
    const view = isEmptyQuery(query) ? null : searchView(state, query, state.search.search(query));
    const title = query.q ? `${query.q} – search` : 'Search';
    res.render('search', { title, query, view }, (error: Error | null, html: string) => {
      if (error) return next(error);
      const answer = answerOf(html);
      cache.set(state, key, answer);
      sendAnswer(res, 'html', PAGE_CACHE, answer);
    });
  };
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

export function pageRouter(cache: AnswerCache): Router {
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
      conferences: state.lookups.listings.newestConferences
        .slice(0, 8)
        .map((c) => entityLink('conferences', c, conferenceLabel(c))),
      topics: state.lookups.listings.topicsByTalkCount
        .slice(0, 24)
        .map((t) => entityLink('topics', t, t.name)),
    });
  });
  router.get('/search', searchPage(cache));
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
    const items = stateOf(res).lookups.listings.newestConferences;
    render(res, 'list', {
      title: 'Conferences',
      heading: 'Conferences',
      items: items.map((c) => entityLink('conferences', c, conferenceLabel(c))),
    });
  });
  router.get('/speakers', (_req, res) => {
    const items = stateOf(res).lookups.listings.speakersByName;
    render(res, 'list', {
      title: 'Speakers',
      heading: 'Speakers',
      items: items.map((s) => entityLink('speakers', s, s.name)),
    });
  });
  router.get('/topics', (_req, res) => {
    const items = stateOf(res).lookups.listings.topicsByTalkCount;
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
  // A page of the first talks keeps the cost of a page flat however many talks an entity
  // gathers; the search link filtered by the entity pages through the rest.
  const talks = summaries(state, entity.talkIds.slice(0, ENTITY_PAGE_TALKS));
  render(res, 'entity', {
    title: heading,
    heading,
    details,
    talks,
    total: Math.max(talks.length, entity.talkIds.length),
    searchHref: `/search?${params}`,
    feedHref: `/feed.xml?${params}`,
  });
}
