/** Helpers shared by the shape tests: run the whole extractor on a small inline post. */
import { extractPost } from '../../src/extract/index.ts';

export function talksOf(source: string, body: string) {
  return extractPost(source, new TextEncoder().encode(body)).talks;
}

/** Each talk as [title, speaker names]. */
export const summary = (source: string, body: string) =>
  talksOf(source, body).map((t) => [t.title, t.speakers.map((s) => s.name)]);

/** A page around `inner`, with a conference in its title. */
export const html = (inner: string) =>
  `<html><head><title>Harbourconf 2031 notes</title></head><body><article><h1>Harbourconf 2031 notes</h1>${inner}</article></body></html>`;
