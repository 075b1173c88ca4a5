/**
 * The list shown for one facet: the values with the highest counts, ties in display order
 * (names alphabetically, years newest first), cut to FACET_LIMIT plus the selected values.
 */
import type { FacetValue } from '../model.ts';
import type { FacetTally } from './facet-tally.ts';
import type { ArchiveLookup, FacetName } from './lookup.ts';
import type { TalkTable } from './tables.ts';

/** Facet lists are cut to this many values (selected ones are always kept). */
export const FACET_LIMIT = 50;

/**
 * The display order of each facet's values when counts tie (names alphabetically, years newest
 * first), as a rank per value number: computed once per archive version and set of values, so
 * a query sorts numbers instead of labels.
 */
const TIE_ORDER = new WeakMap<ArchiveLookup, Map<FacetName, Int32Array>>();

function tieOrder(facet: FacetName, table: TalkTable, lookup: ArchiveLookup): Int32Array {
  let byFacet = TIE_ORDER.get(lookup);
  if (!byFacet) {
    byFacet = new Map();
    TIE_ORDER.set(lookup, byFacet);
  }
  const keys = table.facets[facet].keys;
  let rank = byFacet.get(facet);
  if (rank?.length === keys.length) return rank;
  const labelled = keys.map((id, value) => ({ id, value, name: lookup.facetLabel(facet, id) }));
  labelled.sort((a, b) => {
    if (facet === 'year') return Number(b.id) - Number(a.id);
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  rank = new Int32Array(keys.length);
  labelled.forEach((entry, i) => {
    rank![entry.value] = i;
  });
  byFacet.set(facet, rank);
  return rank;
}

/** Scratch space for limitCount, reused from query to query. */
let scratch = new Int32Array(0);

/**
 * The k-th highest count among the tally's values (all positive; 1 when there are fewer than
 * k): a selection in linear time rather than a sort of every count (thousands of speakers at
 * 100k talks).
 */
function limitCount(tally: FacetTally, k: number): number {
  const { counts, touched, size: n } = tally;
  if (n < k) return 1;
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  for (let i = 0; i < n; i++) scratch[i] = counts[touched[i]!]!;
  // Quickselect for the element that would sit at n - k in ascending order.
  const target = n - k;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = scratch[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (scratch[i]! < pivot) i++;
      while (scratch[j]! > pivot) j--;
      if (i <= j) {
        const t = scratch[i]!;
        scratch[i++] = scratch[j]!;
        scratch[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return Math.max(1, scratch[target]!);
}

/** The FACET_LIMIT values with the highest counts (ties in display order), plus selected ones. */
export function toValues(
  facet: FacetName,
  tally: FacetTally,
  table: TalkTable,
  selected: Set<string>,
  lookup: ArchiveLookup,
): FacetValue[] {
  const keys = table.facets[facet].keys;
  // The FACET_LIMIT-th highest count: values below it are never shown (unless selected), so
  // only the few at or above it are sorted with the tie order.
  const cutoff = limitCount(tally, FACET_LIMIT);
  const { counts, touched } = tally;
  const present: number[] = [];
  const anySelected = selected.size > 0;
  // Only values with a positive count can be listed: those the tally touched.
  for (let i = 0; i < tally.size; i++) {
    const v = touched[i]!;
    if (counts[v]! >= cutoff || (anySelected && selected.has(keys[v]!))) present.push(v);
  }
  const rank = tieOrder(facet, table, lookup);
  present.sort((a, b) => counts[b]! - counts[a]! || rank[a]! - rank[b]!);
  const values: FacetValue[] = [];
  present.forEach((v, i) => {
    const id = keys[v]!;
    if (counts[v]! > 0 && (i < FACET_LIMIT || selected.has(id)))
      values.push({ id, name: lookup.facetLabel(facet, id), count: counts[v]! });
  });
  return values;
}
