/**
 * The search page's view model: results, facet toggles, pagination and the URLs between them.
 * All state lives in the query string, so every view is a shareable link.
 */
import type { FacetValue, SearchQuery, SearchResult } from '../model.ts';
import { DEFAULT_LIMIT } from './params.ts';
import { type HitView, hitView } from './present.ts';
import type { AppState } from './state.ts';

export type FacetKey = 'topic' | 'conference' | 'year' | 'speaker';
const FACETS: { key: FacetKey; label: string }[] = [
  { key: 'topic', label: 'Topic' },
  { key: 'conference', label: 'Conference' },
  { key: 'year', label: 'Year' },
  { key: 'speaker', label: 'Speaker' },
];
const FACET_SIZE = 12;

export function searchParams(query: SearchQuery, overrides: Partial<SearchQuery> = {}): URLSearchParams {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  for (const { key } of FACETS) for (const value of merged[key]) params.append(key, String(value));
  if (merged.page > 1) params.set('page', String(merged.page));
  if (merged.limit !== DEFAULT_LIMIT) params.set('limit', String(merged.limit));
  return params;
}

export function pathWith(path: string, params: URLSearchParams): string {
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export interface FacetValueView {
  text: string;
  count: number;
  href: string;
  active: boolean;
}

function toggle(query: SearchQuery, key: FacetKey, id: string): Partial<SearchQuery> {
  const current = query[key].map(String);
  const next = current.includes(id) ? current.filter((value) => value !== id) : [...current, id];
  return key === 'year' ? { year: next.map(Number), page: 1 } : { [key]: next, page: 1 };
}

function facetValues(query: SearchQuery, key: FacetKey, values: FacetValue[]): FacetValueView[] {
  const active = new Set(query[key].map(String));
  const shown = values.slice(0, FACET_SIZE);
  // A selected value stays visible (so it can be removed) even when its count fell away.
  for (const value of values.slice(FACET_SIZE)) if (active.has(value.id)) shown.push(value);
  for (const id of active) {
    if (!shown.some((value) => value.id === id)) shown.push({ id, name: id, count: 0 });
  }
  return shown.map((value) => ({
    text: value.name,
    count: value.count,
    href: pathWith('/search', searchParams(query, toggle(query, key, value.id))),
    active: active.has(value.id),
  }));
}

export interface PageLink {
  number: number;
  href: string;
  current: boolean;
}

function pagination(query: SearchQuery, result: SearchResult): PageLink[] {
  const pages = Math.ceil(result.total / query.limit);
  if (pages <= 1) return [];
  const first = Math.max(1, Math.min(query.page - 4, pages - 8));
  const last = Math.min(pages, first + 8);
  const links: PageLink[] = [];
  for (let n = first; n <= last; n++) {
    links.push({
      number: n,
      href: pathWith('/search', searchParams(query, { page: n })),
      current: n === query.page,
    });
  }
  return links;
}

export interface SearchView {
  query: SearchQuery;
  total: number;
  hits: HitView[];
  facets: { key: FacetKey; label: string; values: FacetValueView[] }[];
  pages: PageLink[];
  prev: string | null;
  next: string | null;
  suggestion: { text: string; href: string } | null;
  feedHref: string;
  clearHref: string | null;
  hasFilters: boolean;
}

export function searchView(state: AppState, query: SearchQuery, result: SearchResult): SearchView {
  const pages = pagination(query, result);
  const lastPage = Math.ceil(result.total / query.limit);
  const hasFilters = FACETS.some(({ key }) => query[key].length > 0);
  return {
    query,
    total: result.total,
    hits: result.hits.map((hit) => hitView(state, hit, query.q)),
    facets: FACETS.map(({ key, label }) => ({
      key,
      label,
      values: facetValues(query, key, result.facets[key]),
    })),
    pages,
    prev: query.page > 1 ? pathWith('/search', searchParams(query, { page: query.page - 1 })) : null,
    next: query.page < lastPage ? pathWith('/search', searchParams(query, { page: query.page + 1 })) : null,
    suggestion: result.suggestion
      ? {
          text: result.suggestion,
          href: pathWith('/search', searchParams(query, { q: result.suggestion, page: 1 })),
        }
      : null,
    feedHref: pathWith('/feed.xml', searchParams(query, { page: 1, limit: DEFAULT_LIMIT })),
    clearHref: hasFilters
      ? pathWith(
          '/search',
          searchParams({ ...query, topic: [], conference: [], speaker: [], year: [], page: 1 }),
        )
      : null,
    hasFilters,
  };
}
