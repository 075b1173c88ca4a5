/** Anchors for talk sections: the heading's own id, else a slug the site can add to its copy. */

export function slugify(text: string): string {
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
