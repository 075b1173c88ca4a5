/**
 * The cached extractions, split into shards by a hash of the post's path
 * (`posts-<2 hex digits>.json`). The extractions are the largest part of a snapshot and change a
 * few posts at a time: a new snapshot hard-links every shard whose posts did not change from
 * the previous snapshot's folder and writes only the others. Files are never modified in place,
 * so a link shares content that no writer will touch again.
 */
import { link, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedPost } from '../model.ts';
import { sha256 } from './scan.ts';
import { writeDurable } from './snapshot-files.ts';

export type FileSums = Record<string, { sha256: string; bytes: number }>;

/** What a writer may reuse: the previous snapshot's folder and the posts changed since. */
export interface PreviousSnapshot {
  id: string;
  changed: ReadonlySet<string>;
}

const SHARD = /^posts-[0-9a-f]{2}\.json$/;

export function shardOf(postPath: string): string {
  return `posts-${sha256(postPath).slice(0, 2)}.json`;
}

export function isShard(name: string): boolean {
  return SHARD.test(name);
}

function groupByShard(extracted: Record<string, ExtractedPost>): Map<string, Record<string, ExtractedPost>> {
  const shards = new Map<string, Record<string, ExtractedPost>>();
  for (const postPath of Object.keys(extracted).sort()) {
    const name = shardOf(postPath);
    if (!shards.has(name)) shards.set(name, {});
    shards.get(name)![postPath] = extracted[postPath]!;
  }
  return shards;
}

/** The previous snapshot's checksums, or none when it cannot be read (then everything is written). */
async function previousSums(snapshots: string, previous: PreviousSnapshot | null): Promise<FileSums> {
  if (!previous) return {};
  try {
    const text = await readFile(path.join(snapshots, previous.id, 'manifest.json'), 'utf8');
    return (JSON.parse(text) as { files?: FileSums }).files ?? {};
  } catch {
    return {};
  }
}

/** Writes (or links) the shards into `dir`; returns their checksums for the manifest. */
export async function writePostShards(
  dir: string,
  extracted: Record<string, ExtractedPost>,
  previous: PreviousSnapshot | null,
): Promise<FileSums> {
  const sums = await previousSums(path.dirname(dir), previous);
  const dirty = new Set([...(previous?.changed ?? [])].map(shardOf));
  const files: FileSums = {};
  for (const [name, posts] of groupByShard(extracted)) {
    const before = sums[name];
    if (previous && before && !dirty.has(name)) {
      const linked = await link(path.join(path.dirname(dir), previous.id, name), path.join(dir, name)).then(
        () => true,
        () => false,
      );
      if (linked) {
        files[name] = before;
        continue;
      }
    }
    const content = JSON.stringify(posts);
    await writeDurable(path.join(dir, name), content);
    files[name] = { sha256: sha256(content), bytes: Buffer.byteLength(content) };
  }
  return files;
}
