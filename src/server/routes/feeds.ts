/**
 * Machine-readable documents: the Atom feed of the newest talks matching a search, the
 * OpenSearch description that lets browsers add the site as a search engine, and the sitemap.
 */
import { type Response, Router } from 'express';
import type { SearchQuery, Talk } from '../../model.ts';
import { escapeHtml as xml } from '../html.ts';
import { isEmptyQuery, MAX_LIMIT } from '../params.ts';
import { conferenceLabel } from '../present.ts';
import { type AppState, talkUrl } from '../state.ts';
import { stateOf } from './load.ts';

const FEED_SIZE = 30;

/** Newest first among the talks the search finds (or among all talks). */
function feedTalks(state: AppState, query: SearchQuery): Talk[] {
  const { listings, talks } = state.lookups;
  if (isEmptyQuery(query)) return listings.newestTalks.slice(0, FEED_SIZE);
  const found = state.search
    .search({ ...query, page: 1, limit: MAX_LIMIT })
    .hits.flatMap((hit) => talks.get(hit.id) ?? []);
  // Ordering the hits by their rank costs the hits, not a pass over the whole archive.
  const rank = (talk: Talk) => listings.newestRank.get(talk.id) ?? Number.POSITIVE_INFINITY;
  return found.sort((a, b) => rank(a) - rank(b)).slice(0, FEED_SIZE);
}

function feedEntry(state: AppState, talk: Talk, origin: string, updated: string): string {
  const url = `${origin}${talkUrl(talk)}`;
  const conference = state.lookups.conferences.get(talk.conferenceId);
  const authors = talk.speakerIds
    .map((id) => `<author><name>${xml(state.lookups.speakers.get(id)?.name ?? id)}</name></author>`)
    .join('');
  const categories = talk.topicIds.map((id) => `<category term="${xml(id)}"/>`).join('');
  return `<entry><id>${xml(url)}</id><title>${xml(talk.title)}</title><link href="${xml(url)}"/>
<updated>${xml(talk.date ? `${talk.date}T00:00:00Z` : updated)}</updated>${authors}${categories}
<summary>${xml([conference ? conferenceLabel(conference) : '', talk.summary].filter(Boolean).join(': '))}</summary></entry>`;
}

const XML_CACHE = 'public, max-age=300';
const xmlDocument = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n${body}`;

function sendXml(res: Response, type: string, body: string): void {
  res.type(type).set('Cache-Control', XML_CACHE).send(xmlDocument(body));
}

/** The Atom feed of a search (served by routes/search.ts); `self` is the feed's own address. */
export function feedXml(state: AppState, query: SearchQuery, origin: string, self: string): string {
  const updated = state.loadedAt.toISOString();
  const title = query.q ? `Talk Archive: ${query.q}` : 'Talk Archive: newest talks';
  const entries = feedTalks(state, query).map((talk) => feedEntry(state, talk, origin, updated));
  return xmlDocument(`<feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(self)}</id><title>${xml(title)}</title>
<updated>${updated}</updated><link rel="self" href="${xml(self)}"/><link href="${xml(origin)}/"/>
${entries.join('\n')}
</feed>`);
}

export function feedRouter(): Router {
  const router = Router();
  router.get('/opensearch.xml', (_req, res) => {
    const origin = xml(res.locals.origin);
    sendXml(
      res,
      'application/opensearchdescription+xml',
      `<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
<ShortName>Talk Archive</ShortName><Description>Search conference talks</Description>
<InputEncoding>UTF-8</InputEncoding>
<Url type="text/html" method="get" template="${origin}/search?q={searchTerms}"/>
<Url type="application/atom+xml" template="${origin}/feed.xml?q={searchTerms}"/>
</OpenSearchDescription>`,
    );
  });
  router.get('/sitemap.xml', (_req, res) => {
    const { archive } = stateOf(res);
    const origin = res.locals.origin;
    const paths = [
      '/',
      '/conferences',
      '/speakers',
      '/topics',
      ...archive.talks.map(talkUrl),
      ...archive.conferences.map((c) => `/conferences/${encodeURIComponent(c.id)}`),
      ...archive.speakers.map((s) => `/speakers/${encodeURIComponent(s.id)}`),
      ...archive.topics.map((t) => `/topics/${encodeURIComponent(t.id)}`),
    ];
    const urls = paths.map((p) => `<url><loc>${xml(origin + p)}</loc></url>`).join('\n');
    sendXml(
      res,
      'application/xml',
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>`,
    );
  });
  return router;
}
