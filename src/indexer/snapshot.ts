/**
 * The snapshot of a run, in the data folder:
 *
 *   current                       the name of the live snapshot (replaced atomically)
 *   snapshots/<id>/manifest.json  schema, configuration hash, counts, per-post hashes, file checksums
 *   snapshots/<id>/archive.json   the merged archive (what the site shows), notes left out,
 *                                 as columns and texts (snapshot-archive.ts, snapshot-pack.ts)
 *   snapshots/<id>/posts-<xx>.json each post's extraction, so unchanged posts are not re-read,
 *                                 sharded by path hash (see snapshot-posts.ts); the archive's
 *                                 notes are read from here, the rest when the archive changes
 *   snapshots/<id>/merge.json     what the archive builder decided when merging, so that it is
 *                                 restored rather than merged again (snapshot-merge.ts)
 *   snapshots/<id>/search.json    the exported search index
 *
 * A new snapshot is written into a new folder, every file flushed to disk, and only then does
 * `current` point at it. A crash at any moment leaves `current` naming a complete snapshot.
 * Loading checks the schema, the configuration, the extractor's fingerprint and every file's
 * checksum; any mismatch means "rebuild", never a half-loaded state. A different archive code
 * fingerprint is reported (`merged`), so the caller re-merges the cached extractions.
 * Reading is in snapshot-load.ts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { MergeState } from '../archive/index.ts';
import type { Archive, ExtractedPost } from '../model.ts';
import type { CapturedChunk, SearchCapture, SearchExport } from '../search/types.ts';
import type { CodeFingerprint } from './fingerprint.ts';
import { Pacer } from './pacer.ts';
import type { SavedPosts } from './saved-posts.ts';
import type { PostsManifest } from './scan.ts';
import { packArchive } from './snapshot-archive-pack.ts';
import {
  type Content,
  ensureFolder,
  type FileSum,
  listFolders,
  removeFolder,
  replaceAtomically,
  syncFolder,
  writeDurable,
  writeSummed,
} from './snapshot-files.ts';
import { packMerge } from './snapshot-merge.ts';
import { type PreviousSnapshot, writePostShards } from './snapshot-posts.ts';

/** 4: merge.json added. */
export const SNAPSHOT_SCHEMA = 4;
export const FILES = ['archive.json', 'merge.json', 'search.json'] as const;

export interface SnapshotManifest {
  schema: number;
  /** Changes with the search configuration and the vocabularies: a mismatch means rebuild. */
  configHash: string;
  /** The code that extracted and merged the posts. */
  fingerprint: CodeFingerprint;
  createdAt: string;
  counts: { posts: number; talks: number; speakers: number; topics: number; conferences: number };
  posts: PostsManifest;
  /** File name -> checksum and size of what was written. */
  files: Record<string, FileSum>;
}

export interface Snapshot {
  configHash: string;
  fingerprint: CodeFingerprint;
  posts: PostsManifest;
  archive: Archive;
  extracted: Record<string, ExtractedPost>;
  /** The builder's merge state for `archive`; null when there is none (a restore then merges). */
  merge: MergeState | null;
  /** A capture is serialised while the file is written, a piece between awaits. */
  search: SearchExport | SearchCapture;
}

/** A snapshot as read: the extractions are parsed when first asked for (saved-posts.ts). */
export interface LoadedSnapshot extends Omit<Snapshot, 'extracted' | 'merge' | 'search'> {
  search: SearchExport;
  extracted: SavedPosts;
  /** Unpacked on the first call (a quarter of a second at 100k talks); throws when malformed. */
  merge: () => MergeState;
}

const NO_MERGE: MergeState = { talks: new Map(), speakers: [] };

/** Text that JSON would write as it is: no quote, backslash, control character or surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters JSON escapes.
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** What JSON.stringify writes between the quotes of a string (the text itself when plain). */
const quoted = (text: string) => (PLAIN.test(text) ? text : JSON.stringify(text).slice(1, -1));

/**
 * search.json, a piece at a time: each chunk of a capture is serialised as the file is written,
 * a piece of a few hundred kB between two writes (one JSON.stringify of the whole export would
 * hold the event loop for as long as it takes, over a second at 100k talks). A chunk's pieces
 * are escaped one by one, which gives the escaped whole: they never split a character.
 */
function* searchPieces(search: SearchExport | SearchCapture): Generator<string> {
  const chunks = 'data' in search ? chunksOf(search.data) : search.chunks;
  yield `{"configHash":${JSON.stringify(search.configHash)},"data":{`;
  let separator = '';
  for (const chunk of chunks) {
    yield `${separator}${JSON.stringify(chunk.key)}:"`;
    for (const piece of chunk.pieces()) yield quoted(piece);
    yield '"';
    separator = ',';
  }
  yield '}}';
}

function chunksOf(data: Record<string, string>): CapturedChunk[] {
  return Object.entries(data).map(([key, value]) => ({ key, pieces: () => [value] }));
}

/** Sorts by creation time; the random part keeps two runs in one millisecond apart. */
function snapshotId(now: Date): string {
  return `${String(now.getTime()).padStart(15, '0')}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Writes a new snapshot and makes it live; shards unchanged since `previous` are linked, not written. */
export async function writeSnapshot(
  dataDir: string,
  snapshot: Snapshot,
  previous: PreviousSnapshot | null = null,
  now = new Date(),
): Promise<string> {
  const id = snapshotId(now);
  const pacer = new Pacer();
  const root = path.join(dataDir, 'snapshots');
  const dir = path.join(root, id);
  await ensureFolder(dir);
  const contents: Record<(typeof FILES)[number], Content> = {
    'archive.json': await packArchive(snapshot.archive, snapshot.extracted, pacer),
    'merge.json': await packMerge(snapshot.merge ?? NO_MERGE, snapshot.archive.talks, pacer),
    'search.json': searchPieces(snapshot.search),
  };
  const files = await writePostShards(dir, snapshot.extracted, previous);
  for (const name of FILES) {
    files[name] = await writeSummed(path.join(dir, name), contents[name]);
  }
  const { archive } = snapshot;
  const manifest: SnapshotManifest = {
    schema: SNAPSHOT_SCHEMA,
    configHash: snapshot.configHash,
    fingerprint: snapshot.fingerprint,
    createdAt: now.toISOString(),
    counts: {
      posts: archive.posts.length,
      talks: archive.talks.length,
      speakers: archive.speakers.length,
      topics: archive.topics.length,
      conferences: archive.conferences.length,
    },
    posts: snapshot.posts,
    files,
  };
  await writeDurable(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  await syncFolder(dir);
  await syncFolder(root);
  await replaceAtomically(path.join(dataDir, 'current'), `${id}\n`);
  await prune(root, id);
  return id;
}

/** Keeps the live snapshot and the one before it; newer folders may belong to a concurrent run. */
async function prune(root: string, live: string): Promise<void> {
  const older = (await listFolders(root)).filter((name) => name < live).sort();
  for (const name of older.slice(0, -1)) await removeFolder(path.join(root, name));
}
