/** Anchors for talk sections: the heading's own id, else a slug the site can add to its copy. */

const NON_ASCII = /[\u0080-\uffff]/;

export function slugify(text: string): string {
  // ASCII text has no accents to strip and no letters beyond a-z: the cheaper passes give the same slug.
  if (!NON_ASCII.test(text)) return trimDashes(text.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  return trimDashes(
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-'),
  );
}

/**
 * The slug without its end dashes, cut at 80 characters. Runs of dashes are already one dash, so
 * one look at each end does what `/^-+|-+$/g` does, in one slice instead of a regex pass.
 */
function trimDashes(dashed: string): string {
  const start = dashed.charCodeAt(0) === 45 ? 1 : 0;
  const end = dashed.length - (dashed.charCodeAt(dashed.length - 1) === 45 ? 1 : 0);
  return dashed.slice(start, Math.min(end, start + 80));
}

/** Makes every anchor of a post unique, in document order: "a", "a-2", "a-3". */
export function uniqueAnchors(anchors: readonly (string | null)[]): (string | null)[] {
  const seen = new Set<string>();
  return anchors.map((anchor) => {
    if (!anchor) return null;
    let candidate = anchor;
    for (let n = 2; seen.has(candidate); n++) candidate = `${anchor}-${n}`;
    seen.add(candidate);
    return candidate;
  });
}
