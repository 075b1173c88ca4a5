/**
 * A page of results for a query: ranked matches (or, without words, every talk newest first),
 * our own filters, exact facet counts, pagination and snippets.
 */
import type { SearchQuery, SearchResult } from '../model.ts';
import type { Encoders } from './config.ts';
import { type Allowed, allowedTalks, countFacets, hasFilters, passes } from './facets.ts';
import { toHit } from './hits.ts';
import { type ArchiveLookup, FACET_NAMES } from './lookup.ts';
import { containsPhrase, foldWords, type ParsedQuery, parseQuery, suggestion } from './query.ts';
import type { Ranking } from './rank.ts';
import type { Scores } from './scores.ts';
import { encodeTerms, makeSnippet } from './snippet.ts';
import type { TalkTable } from './tables.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface SearchContext {
  table: TalkTable;
  lookup: ArchiveLookup;
  encoders: Encoders;
  scores: Scores;
  rank(parsed: ParsedQuery): Ranking;
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function searchTalks(context: SearchContext, query: SearchQuery): SearchResult {
  const { table, lookup, encoders } = context;
  const parsed = parseQuery(query?.q);
  const page = wholeNumber(query?.page, 1, 1, Number.MAX_SAFE_INTEGER);
  const limit = wholeNumber(query?.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  const ranking = parsed.words.length ? context.rank(parsed) : null;
  const allowed = allowedTalks(query, table, lookup);
  const filtered = hasFilters(allowed);
  const matching = !ranking
    ? browse(table, allowed)
    : filtered
      ? ranking.nums.filter((num) => passes(num, allowed))
      : ranking.nums;
  const start = (page - 1) * limit;
  const terms = encodeTerms(ranking?.matchedWords ?? [], encoders.text);
  const ordered = ranking ? context.scores.top(matching, start + limit, table.dateRank()) : matching;
  const hits = start >= matching.length ? [] : ordered.slice(start, start + limit);
  return {
    query: parsed.text,
    total: matching.length,
    page,
    limit,
    hits: hits.map((num) => {
      const talk = table.get(num)!.talk;
      const text = ranking ? talk.text || talk.summary : talk.summary || talk.text;
      return toHit(talk, makeSnippet(text, terms, encoders.text), lookup);
    }),
    facets: countFacets(ranking?.nums ?? null, allowed, query, table, lookup),
    suggestion: ranking ? suggestion(parsed, ranking.corrections) : null,
  };
}

/** Talks passing the filters, newest first: from the smallest filter's set when one is set. */
function browse(table: TalkTable, allowed: Allowed): number[] {
  const sets = FACET_NAMES.map((f) => allowed[f]).filter((set) => set !== null);
  if (!sets.length) return table.byDate();
  const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
  const rank = table.dateRank();
  const nums = [...smallest].filter((num) => table.get(num) && passes(num, allowed));
  return nums.sort((a, b) => rank[a]! - rank[b]!);
}

/** The ranking cut down to the talks whose title or text holds every quoted phrase. */
export function withPhrases(ranking: Ranking, phrases: readonly string[][], table: TalkTable): Ranking {
  if (!phrases.length) return ranking;
  const nums = ranking.nums.filter((num) => {
    const talk = table.get(num)!.talk;
    const words = foldWords(`${talk.title} \n ${talk.text || talk.summary}`);
    return phrases.every((phrase) => containsPhrase(words, phrase));
  });
  return { ...ranking, nums };
}
