/** Anchors for talk sections: the heading's own id, else a slug the site can add to its copy. */

const NON_ASCII = /[\u0080-\uffff]/;

export function slugify(text: string): string {
  // ASCII text has no accents to strip and no letters beyond a-z: the cheaper passes give the same slug.
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
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
