/** Reads the live snapshot back, checking everything before anything is used (see snapshot.ts). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CodeFingerprint } from './fingerprint.ts';
import { SavedPosts } from './saved-posts.ts';
import { FILES, type LoadedSnapshot, SNAPSHOT_SCHEMA, type SnapshotManifest } from './snapshot.ts';
import { sumMatches } from './snapshot-files.ts';
import { unpackMerge } from './snapshot-merge.ts';
import { isShard, readShard, type SavedShard } from './snapshot-posts.ts';
import { unpackArchive } from './snapshot-unpack.ts';

export type LoadResult =
  | { ok: true; snapshot: LoadedSnapshot; id: string; merged: 'current' | 'stale' }
  | { ok: false; reason: string | null };

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

/** `make`'s value, made on the first call: merge.json is unpacked only when a restore needs it. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** Checksums prove the files are what was written; this catches a writer from another version. */
function checkShape(
  manifest: SnapshotManifest,
  archive: Buffer,
  merge: Buffer,
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
    merge: once(() => unpackMerge(merge, full.talks)),
    search: search as unknown as LoadedSnapshot['search'],
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
    const [archive, merge, search, ...posts] = await Promise.all(
      [...FILES, ...shards].map((name) => readVerified(dir, manifest, name)),
    );
    const saved = posts.map((bytes, index) => readShard(bytes, shards[index]!));
    const searchExport = parse(search!.toString('utf8'), 'search.json');
    const snapshot = checkShape(manifest, archive!, merge!, saved, searchExport);
    const stale = expected !== undefined && manifest.fingerprint?.archive !== expected.archive;
    return { ok: true, id, snapshot, merged: stale ? 'stale' : 'current' };
  } catch (error) {
    return { ok: false, reason: `snapshot ${id}: ${(error as Error).message}` };
  }
}
