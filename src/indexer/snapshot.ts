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
 *   snapshots/<id>/search.json    the exported search index
 *
 * A new snapshot is written into a new folder, every file flushed to disk, and only then does
 * `current` point at it. A crash at any moment leaves `current` naming a complete snapshot.
 * Loading checks the schema, the configuration, the extractor's fingerprint and every file's
 * checksum; any mismatch means "rebuild", never a half-loaded state. A different archive code
 * fingerprint is reported (`merged`), so the caller re-merges the cached extractions.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Archive, ExtractedPost } from '../model.ts';
import type { SearchExport } from '../search/types.ts';
import type { CodeFingerprint } from './fingerprint.ts';
import { SavedPosts } from './saved-posts.ts';
import type { PostsManifest } from './scan.ts';
import { packArchive } from './snapshot-archive.ts';
import {
  type Content,
  ensureFolder,
  type FileSum,
  listFolders,
  removeFolder,
  replaceAtomically,
  sumMatches,
  syncFolder,
  writeDurable,
  writeSummed,
} from './snapshot-files.ts';
import {
  isShard,
  type PreviousSnapshot,
  readShard,
  type SavedShard,
  writePostShards,
} from './snapshot-posts.ts';
import { unpackArchive } from './snapshot-unpack.ts';

export const SNAPSHOT_SCHEMA = 3;
const FILES = ['archive.json', 'search.json'] as const;

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
  search: SearchExport;
}

/** A snapshot as read: the extractions are parsed when first asked for (saved-posts.ts). */
export interface LoadedSnapshot extends Omit<Snapshot, 'extracted'> {
  extracted: SavedPosts;
}

export type LoadResult =
  | { ok: true; snapshot: LoadedSnapshot; id: string; merged: 'current' | 'stale' }
  | { ok: false; reason: string | null };

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
  const root = path.join(dataDir, 'snapshots');
  const dir = path.join(root, id);
  await ensureFolder(dir);
  const contents: Record<(typeof FILES)[number], Content> = {
    'archive.json': await packArchive(snapshot.archive, snapshot.extracted),
    'search.json': JSON.stringify(snapshot.search),
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

async function readCurrent(dataDir: string): Promise<string | null> {
  try {
    return (await readFile(path.join(dataDir, 'current'), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

function parse<T>(text: string, name: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
}

async function readVerified(dir: string, manifest: SnapshotManifest, name: string): Promise<Buffer> {
  const expected = manifest.files?.[name];
  if (!expected) throw new Error(`manifest.json does not list ${name}`);
  const content = await readFile(path.join(dir, name)).catch(() => {
    throw new Error(`${name} is missing`);
  });
  if (!sumMatches(content, expected)) throw new Error(`${name} is corrupt or truncated (checksum mismatch)`);
  return content;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checksums prove the files are what was written; this catches a writer from another version. */
function checkShape(
  manifest: SnapshotManifest,
  archive: Buffer,
  shards: SavedShard[],
  search: unknown,
): LoadedSnapshot {
  const { configHash, fingerprint, posts } = manifest;
  if (!isObject(search) || !isObject(search.data))
    throw new Error('search.json does not hold a search index');
  if (!isObject(posts)) throw new Error('manifest.json does not list the posts');
  const extracted = new SavedPosts(shards);
  const full = unpackArchive(archive, (post) => extracted.notes(post));
  return {
    configHash,
    fingerprint,
    posts,
    archive: full,
    extracted,
    search: search as unknown as SearchExport,
  };
}

/** Why a snapshot cannot be used as it is, or null when it can. */
function mismatch(manifest: SnapshotManifest, configHash: string, expected?: CodeFingerprint): string | null {
  if (manifest.schema !== SNAPSHOT_SCHEMA)
    return `it has schema version ${manifest.schema}, this version reads ${SNAPSHOT_SCHEMA}`;
  if (manifest.configHash !== configHash)
    return `it was built with configuration ${manifest.configHash}, this version uses ${configHash}`;
  if (expected && manifest.fingerprint?.extractor !== expected.extractor)
    return `the extractor changed since it was built (code ${manifest.fingerprint?.extractor}, now ${expected.extractor}), so every post is extracted again`;
  return null;
}

/**
 * The live snapshot, or why it cannot be used (reason null: there is none yet). With `expected`,
 * a snapshot from another extractor is refused and one from other archive code is `stale`.
 */
export async function loadSnapshot(
  dataDir: string,
  configHash: string,
  expected?: CodeFingerprint,
): Promise<LoadResult> {
  const id = await readCurrent(dataDir);
  if (!id) return { ok: false, reason: null };
  const dir = path.join(dataDir, 'snapshots', id);
  try {
    const manifestText = await readFile(path.join(dir, 'manifest.json'), 'utf8').catch(() => {
      throw new Error('manifest.json is missing');
    });
    const manifest = parse<SnapshotManifest>(manifestText, 'manifest.json');
    const problem = mismatch(manifest, configHash, expected);
    if (problem) throw new Error(problem);
    const shards = Object.keys(manifest.files ?? {}).filter(isShard);
    const [archive, search, ...posts] = await Promise.all(
      [...FILES, ...shards].map((name) => readVerified(dir, manifest, name)),
    );
    const saved = posts.map((bytes, index) => readShard(bytes, shards[index]!));
    const snapshot = checkShape(manifest, archive!, saved, parse(search!.toString('utf8'), 'search.json'));
    const stale = expected !== undefined && manifest.fingerprint?.archive !== expected.archive;
    return { ok: true, id, snapshot, merged: stale ? 'stale' : 'current' };
  } catch (error) {
    return { ok: false, reason: `snapshot ${id}: ${(error as Error).message}` };
  }
}
