/**
 * Filters and facet counts over our own facet maps (FlexSearch's tag filter only sees the top
 * 100 matches of each field). Several values of one filter are OR, filters are AND. Counts
 * are disjunctive: each facet is counted with every filter applied except its own, so the
 * other values of a selected facet stay visible with their counts.
 */
import type { FacetValue, SearchQuery } from '../model.ts';
import { toValues } from './facet-list.ts';
import { FacetTally } from './facet-tally.ts';
import { type ArchiveLookup, FACET_NAMES, type FacetName } from './lookup.ts';
import { FacetCodes, type TalkTable } from './tables.ts';

/** Talks allowed by each active filter; null for a filter that is not set. */
export type Allowed = Record<FacetName, Set<number> | null>;

export { FACET_LIMIT } from './facet-list.ts';

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
    const keys = new Set(values.flatMap((value) => [...lookup.resolve(facet, value)]));
    // One value: its own set, read-only, instead of a copy (a year holds thousands of talks).
    if (keys.size === 1) {
      allowed[facet] = table.facets[facet].talks([...keys][0]!) ?? new Set();
      continue;
    }
    const set = new Set<number>();
    for (const key of keys) for (const num of table.facets[facet].talks(key) ?? []) set.add(num);
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

/** One tally per facet (FACET_NAMES order), reused by every query (queries run one at a time). */
const TALLIES = FACET_NAMES.map(() => new FacetTally());

/**
 * Disjunctive counts over `candidates` (null: every talk, as when browsing). A talk passing
 * every filter counts in every facet; one failing only filter f counts in f alone; one failing
 * two filters counts nowhere. Counts are kept per facet value number in typed arrays.
 */
export function countFacets(
  candidates: number[] | null,
  allowed: Allowed,
  query: SearchQuery,
  table: TalkTable,
  lookup: ArchiveLookup,
): Record<FacetName, FacetValue[]> {
  FACET_NAMES.forEach((facet, f) => {
    TALLIES[f]!.prepare(table.facets[facet].keys.length);
  });
  const active = FACET_NAMES.filter((facet) => allowed[facet]);
  // Browsing: a facet whose own filter is the only one (or none is set) counts every talk, which
  // is the size of each value's set; the others only need the talks some filter lets through.
  const sized = candidates
    ? []
    : FACET_NAMES.filter((f) => active.length === 0 || (active.length === 1 && active[0] === f));
  for (const facet of sized) {
    const values = table.facets[facet].members;
    const into = TALLIES[FACET_NAMES.indexOf(facet)]!;
    for (let v = 0; v < values.length; v++) into.set(v, values[v]!.size);
  }
  if (candidates || sized.length < FACET_NAMES.length) {
    const skip = FACET_NAMES.map((facet) => sized.includes(facet));
    countCandidates(candidates ?? browseCandidates(allowed, active), allowed, active.length > 0, {
      tallies: TALLIES,
      skip,
      table,
    });
  }
  const result = {} as Record<FacetName, FacetValue[]>;
  FACET_NAMES.forEach((facet, f) => {
    const tally = TALLIES[f]!;
    result[facet] = toValues(facet, tally, table, selectedKeys(query, facet, lookup), lookup);
    tally.clear();
  });
  return result;
}

interface Tally {
  tallies: FacetTally[];
  /** Facets already counted from set sizes. */
  skip: boolean[];
  table: TalkTable;
}

/** Adds each candidate's facet values to the counts, reading the table's flat value slots. */
function countCandidates(nums: Iterable<number>, allowed: Allowed, filtered: boolean, tally: Tally): void {
  const { tallies, skip, table } = tally;
  const { slots, counts: widths, overflow } = table.codes;
  const add = (code: number, only: number) => {
    const f = code & 3;
    if ((only < 0 || f === only) && !skip[f]) tallies[f]!.add(code >> 2);
  };
  const count = (num: number, only: number) => {
    const at = num * FacetCodes.WIDTH;
    for (let i = at; i < at + widths[num]!; i++) add(slots[i]!, only);
    if (overflow.size) for (const code of overflow.get(num) ?? []) add(code, only);
  };
  if (!filtered && !overflow.size && !skip.some(Boolean)) {
    // The common case, kept free of calls: every value of every candidate counts.
    for (const num of nums) {
      const at = num * FacetCodes.WIDTH;
      const end = at + widths[num]!;
      for (let i = at; i < end; i++) {
        const code = slots[i]!;
        tallies[code & 3]!.add(code >> 2);
      }
    }
    return;
  }
  if (!filtered) {
    for (const num of nums) count(num, -1);
    return;
  }
  for (const num of nums) {
    const failed = failing(num, allowed);
    if (failed !== undefined) count(num, failed === null ? -1 : FACET_NAMES.indexOf(failed));
  }
}

/** Talks that pass all filters but at most one: with filters set, each is in some allowed set. */
function browseCandidates(allowed: Allowed, active: FacetName[]): Iterable<number> {
  if (active.length === 1) return allowed[active[0]!]!;
  const union = new Set<number>();
  for (const facet of active) for (const num of allowed[facet]!) union.add(num);
  return union;
}
