/**
 * The HTML pages besides /search (routes/search.ts). Each handler builds a view model from the
 * request's state and renders one template; the templates escape everything except the markup
 * made in html.ts. Pages that depend on the state alone (home, lists, entity pages) are
 * rendered once per state and then sent from the answer cache.
 */
import { type Request, type Response, Router } from 'express';
import type { Conference, Speaker, Topic } from '../../model.ts';
import type { AnswerCache } from '../answer-cache.ts';
import { sendKeptPage } from '../answers.ts';
import { parseHighlightQuery } from '../params.ts';
import { conferenceLabel, talkSummary } from '../present.ts';
import { type AppState, entityUrl } from '../state.ts';
import { loadEntity, loadTalk, stateOf } from './load.ts';
import { talkPage } from './talk-page.ts';

/** Talks listed on a conference, speaker or topic page. */
export const ENTITY_PAGE_TALKS = 100;

function render(res: Response, view: string, locals: Record<string, unknown>): void {
  res.set('Cache-Control', 'no-cache').render(view, locals);
}

/** Sends the page kept under `key` for the request's state, or renders and keeps it. */
type Kept = (
  req: Request,
  res: Response,
  key: string,
  view: string,
  make: () => Record<string, unknown>,
) => Promise<void>;

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
  const kept: Kept = (req, res, key, view, make) =>
    sendKeptPage(req, res, { cache, state: stateOf(res), key }, view, make);
  router.get('/', async (req, res) => {
    const state = stateOf(res);
    await kept(req, res, 'home', 'home', () => ({
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
    }));
  });
  router.get('/talks/:conferenceId/:talkSlug', (req, res) => {
    const q = parseHighlightQuery(req.query);
    const talk = loadTalk(req, res);
    if (talk) render(res, 'talk', talkPage(stateOf(res), talk, q, res.locals.origin));
  });
  listRoutes(router, kept);
  return router;
}

function listRoutes(router: Router, kept: Kept): void {
  router.get('/conferences', async (req, res) => {
    const items = stateOf(res).lookups.listings.newestConferences;
    await kept(req, res, 'conferences', 'list', () => ({
      title: 'Conferences',
      heading: 'Conferences',
      items: items.map((c) => entityLink('conferences', c, conferenceLabel(c))),
    }));
  });
  router.get('/speakers', async (req, res) => {
    const items = stateOf(res).lookups.listings.speakersByName;
    await kept(req, res, 'speakers', 'list', () => ({
      title: 'Speakers',
      heading: 'Speakers',
      items: items.map((s) => entityLink('speakers', s, s.name)),
    }));
  });
  router.get('/topics', async (req, res) => {
    const items = stateOf(res).lookups.listings.topicsByTalkCount;
    await kept(req, res, 'topics', 'list', () => ({
      title: 'Topics',
      heading: 'Topics',
      items: items.map((t) => entityLink('topics', t, t.name)),
    }));
  });
  router.get('/conferences/:id', async (req, res) => {
    const state = stateOf(res);
    const conference = loadEntity<Conference>(state.lookups.conferences, req.params.id, 'conference');
    const details = [conference.city, conference.date].filter(Boolean).join(' · ');
    await kept(req, res, `conference ${conference.id}`, 'entity', () =>
      entityPage(state, conference, conferenceLabel(conference), details, 'conference', conference.id),
    );
  });
  router.get('/speakers/:id', async (req, res) => {
    const state = stateOf(res);
    const speaker = loadEntity<Speaker>(state.lookups.speakers, req.params.id, 'speaker');
    const details = [...speaker.handles, ...speaker.affiliations].join(' · ');
    await kept(req, res, `speaker ${speaker.id}`, 'entity', () =>
      entityPage(state, speaker, speaker.name, details, 'speaker', speaker.id),
    );
  });
  router.get('/topics/:id', async (req, res) => {
    const state = stateOf(res);
    const topic = loadEntity<Topic>(state.lookups.topics, req.params.id, 'topic');
    const details = topic.aliases.length > 0 ? `Also known as ${topic.aliases.join(', ')}` : '';
    await kept(req, res, `topic ${topic.id}`, 'entity', () =>
      entityPage(state, topic, topic.name, details, 'topic', topic.id),
    );
  });
}

function entityPage(
  state: AppState,
  entity: { talkIds: string[] },
  heading: string,
  details: string,
  filter: 'conference' | 'speaker' | 'topic',
  id: string,
): Record<string, unknown> {
  const params = new URLSearchParams({ [filter]: id });
  // A page of the first talks keeps the cost of a page flat however many talks an entity
  // gathers; the search link filtered by the entity pages through the rest.
  const talks = summaries(state, entity.talkIds.slice(0, ENTITY_PAGE_TALKS));
  return {
    title: heading,
    heading,
    details,
    talks,
    total: Math.max(talks.length, entity.talkIds.length),
    searchHref: `/search?${params}`,
    feedHref: `/feed.xml?${params}`,
  };
}
