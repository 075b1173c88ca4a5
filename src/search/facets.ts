/**
 * Filters and facet counts over our own facet maps (FlexSearch's tag filter only sees the top
 * 100 matches of each field). Several values of one filter are OR, filters are AND. Counts
 * are disjunctive: each facet is counted with every filter applied except its own, so the
 * other values of a selected facet stay visible with their counts.
 */
import type { FacetValue, SearchQuery } from '../model.ts';
import { type ArchiveLookup, FACET_NAMES, type FacetName } from './lookup.ts';
import type { TalkTable } from './tables.ts';

/** Talks allowed by each active filter; null for a filter that is not set. */
export type Allowed = Record<FacetName, Set<number> | null>;

/** Facet lists are cut to this many values (selected ones are always kept). */
export const FACET_LIMIT = 50;

function filterValues(query: SearchQuery, facet: FacetName): string[] {
  const values: unknown = query[facet];
  if (!Array.isArray(values)) return [];
  return values.map((v) => String(v).trim()).filter((v) => v !== '');
}

export function hasFilters(allowed: Allowed): boolean {
  return FACET_NAMES.some((facet) => allowed[facet] !== null);
}

export function allowedTalks(query: SearchQuery, table: TalkTable, lookup: ArchiveLookup): Allowed {
  const allowed = { topic: null, conference: null, year: null, speaker: null } as Allowed;
  for (const facet of FACET_NAMES) {
    const values = filterValues(query, facet);
    if (!values.length) continue;
    const set = new Set<number>();
    for (const value of values) {
      for (const key of lookup.resolve(facet, value)) {
        for (const num of table.facets[facet].get(key) ?? []) set.add(num);
      }
    }
    allowed[facet] = set;
  }
  return allowed;
}

export function passes(num: number, allowed: Allowed, except?: FacetName): boolean {
  for (const facet of FACET_NAMES) {
    if (facet !== except && allowed[facet] && !allowed[facet].has(num)) return false;
  }
  return true;
}

/** The facet keys a filter selected, so they stay listed even past FACET_LIMIT. */
function selectedKeys(query: SearchQuery, facet: FacetName, lookup: ArchiveLookup): Set<string> {
  const keys = new Set<string>();
  for (const value of filterValues(query, facet))
    for (const key of lookup.resolve(facet, value)) keys.add(key);
  return keys;
}

/** The one active filter `num` fails, null when it passes all, undefined when it fails several. */
function failing(num: number, allowed: Allowed): FacetName | null | undefined {
  let failed: FacetName | null = null;
  for (const facet of FACET_NAMES) {
    if (!allowed[facet] || allowed[facet].has(num)) continue;
    if (failed) return undefined;
    failed = facet;
  }
  return failed;
}

export function countFacets(
  candidates: number[],
  allowed: Allowed,
  query: SearchQuery,
  table: TalkTable,
  lookup: ArchiveLookup,
): Record<FacetName, FacetValue[]> {
  const counts = {} as Record<FacetName, Map<string, number>>;
  for (const facet of FACET_NAMES) counts[facet] = new Map();
  // Browsing everything: the counts are the sizes of the facet sets, no need to visit every talk.
  if (!hasFilters(allowed) && candidates.length === table.byNum.size) {
    for (const facet of FACET_NAMES)
      for (const [key, set] of table.facets[facet]) counts[facet].set(key, set.size);
  } else {
    // One pass: a talk passing every filter counts in every facet; one failing only filter f
    // counts in f alone (the disjunctive count); one failing two filters counts nowhere.
    for (const num of candidates) {
      const failed = failing(num, allowed);
      if (failed === undefined) continue;
      const record = table.byNum.get(num);
      if (!record) continue;
      for (const facet of failed ? [failed] : FACET_NAMES) {
        const map = counts[facet];
        for (const key of record.facets[facet]) map.set(key, (map.get(key) ?? 0) + 1);
      }
    }
  }
  const result = {} as Record<FacetName, FacetValue[]>;
  for (const facet of FACET_NAMES) {
    result[facet] = toValues(facet, counts[facet], selectedKeys(query, facet, lookup), lookup);
  }
  return result;
}

function toValues(
  facet: FacetName,
  counts: Map<string, number>,
  selected: Set<string>,
  lookup: ArchiveLookup,
): FacetValue[] {
  // Only values that can make the cut are labelled and sorted: facets like speaker are long.
  const sizes = [...counts.values()].sort((a, b) => b - a);
  const cutoff = sizes[FACET_LIMIT - 1] ?? 0;
  const values: FacetValue[] = [];
  for (const [id, count] of counts) {
    if (count >= cutoff || selected.has(id)) values.push({ id, name: lookup.facetLabel(facet, id), count });
  }
  values.sort((a, b) => {
    if (a.count !== b.count) return b.count - a.count;
    // Years read best newest first; other values alphabetically.
    if (facet === 'year') return Number(b.id) - Number(a.id);
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  return values.filter((v, i) => i < FACET_LIMIT || selected.has(v.id));
}
