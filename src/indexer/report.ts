/** The change report of an indexing run, and its text form for the terminal. */
import { performance } from 'node:perf_hooks';
import type { ArchiveChange } from '../archive/index.ts';
import type { Archive, ExtractedPost } from '../model.ts';
import type { PostChanges } from './changes.ts';

export interface IndexReport {
  posts: {
    added: string[];
    changed: string[];
    removed: string[];
    renamed: { from: string; to: string }[];
    unchanged: number;
    /** Posts of this run that gave no talks, with the reason. */
    skipped: { path: string; reason: string }[];
  };
  talks: { added: number; changed: number; removed: number };
  totals: { posts: number; talks: number; speakers: number; topics: number; conferences: number };
  /** Warnings of the posts read in this run. */
  warnings: string[];
  snapshot: {
    /** Where this run started from: a saved snapshot, nothing, or a rebuild (see reason). */
    start: 'snapshot' | 'empty' | 'rebuilt';
    reason: string | null;
    /** The id of the snapshot written, null when nothing changed. */
    written: string | null;
  };
  durationMs: number;
}

export function totalsOf(archive: Archive): IndexReport['totals'] {
  return {
    posts: archive.posts.length,
    talks: archive.talks.length,
    speakers: archive.speakers.length,
    topics: archive.topics.length,
    conferences: archive.conferences.length,
  };
}

function skipReason(path: string, post: ExtractedPost): string {
  const warning = post.warnings[0];
  return warning ? warning.replace(`${path}: `, '') : 'no talks found';
}

export function buildReport(
  changes: PostChanges,
  change: ArchiveChange,
  archive: Archive,
  snapshot: IndexReport['snapshot'],
  startedAt: number,
): IndexReport {
  const { added, changed, renamed, unchanged } = changes;
  const movedAway = new Set(renamed.map((r) => r.from));
  const removed = changes.removed.filter((path) => !movedAway.has(path));
  const read = [...added, ...changed];
  const skipped = [
    ...changes.unreadable,
    ...read
      .map((path) => ({ path, post: changes.upserts.get(path)! }))
      .filter(({ post }) => post.talks.length === 0)
      .map(({ path, post }) => ({ path, reason: skipReason(path, post) })),
  ];
  return {
    posts: { added, changed, removed, renamed, unchanged, skipped },
    talks: { added: change.added.length, changed: change.changed.length, removed: change.removed.length },
    totals: totalsOf(archive),
    warnings: read.flatMap((path) => changes.upserts.get(path)!.warnings),
    snapshot,
    durationMs: Math.round(performance.now() - startedAt),
  };
}

function list(label: string, items: string[], limit = 10): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, limit).map((item) => `    ${item}`);
  const more = items.length > limit ? [`    … and ${items.length - limit} more`] : [];
  return [`  ${label}:`, ...shown, ...more];
}

export function formatReport(report: IndexReport): string {
  const { posts, talks, totals } = report;
  const lines = [
    `posts: ${posts.added.length} added, ${posts.changed.length} changed, ${posts.removed.length} removed, ` +
      `${posts.renamed.length} renamed, ${posts.skipped.length} skipped, ${posts.unchanged} unchanged`,
    ...list('added', posts.added),
    ...list('changed', posts.changed),
    ...list('removed', posts.removed),
    ...list(
      'renamed',
      posts.renamed.map((r) => `${r.from} -> ${r.to}`),
    ),
    ...list(
      'skipped',
      posts.skipped.map((s) => `${s.path} (${s.reason})`),
    ),
    `talks: ${talks.added} added, ${talks.changed} changed, ${talks.removed} removed`,
    `totals: ${totals.talks} talks, ${totals.speakers} speakers, ${totals.topics} topics, ` +
      `${totals.conferences} conferences, ${totals.posts} posts`,
    ...list('warnings', report.warnings, 20),
    `snapshot: ${report.snapshot.written ? `written (${report.snapshot.written})` : 'unchanged'}` +
      (report.snapshot.start === 'rebuilt' ? `, rebuilt: ${report.snapshot.reason}` : ''),
    `time: ${(report.durationMs / 1000).toFixed(2)} s`,
  ];
  return lines.join('\n');
}
