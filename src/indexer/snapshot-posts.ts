/**
 * The cached extractions, split into shards by a hash of the post's path
 * (`posts-<2 hex digits>.json`). The extractions are the largest part of a snapshot and change a
 * few posts at a time: a new snapshot hard-links every shard whose posts did not change from
 * the previous snapshot's folder and writes only the others. Files are never modified in place,
 * so a link shares content that no writer will touch again.
 *
 * A shard is laid out as snapshot-pack.ts describes: the header lists the shard's posts and the
 * lengths of their talks' notes; the texts are the extractions as JSON with the notes left
 * empty, then the notes. The archive needs the notes as soon as a snapshot opens, the rest of
 * the extractions only when the archive changes (saved-posts.ts), so the JSON waits until then.
 */
import { link, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedPost } from '../model.ts';
import { sha256 } from './scan.ts';
import { type FileSum, writeSummed } from './snapshot-files.ts';
import { type IntColumn, PackReader, PackWriter } from './snapshot-pack.ts';

export type FileSums = Record<string, FileSum>;

/** What a writer may reuse: the previous snapshot's folder and the posts changed since. */
export interface PreviousSnapshot {
  id: string;
  changed: ReadonlySet<string>;
}

/** A shard as read: the notes of its posts, and the rest of their extractions still as JSON. */
export interface SavedShard {
  notes: Map<string, string[]>;
  json: Buffer;
}

interface ShardHeader {
  paths: string[];
  /** Per post, its talks' notes. */
  notes: IntColumn[];
  /** One text: the extractions as JSON, notes left empty. */
  posts: IntColumn;
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

function shardFile(posts: Record<string, ExtractedPost>): Iterable<Buffer> {
  const out = new PackWriter();
  const paths = Object.keys(posts);
  // The empty text keeps each talk's fields in their order once the notes are put back.
  const bare = paths.map((postPath) => {
    const post = posts[postPath]!;
    return [postPath, { ...post, talks: post.talks.map((talk) => ({ ...talk, text: '' })) }];
  });
  const header: ShardHeader = {
    paths,
    posts: out.strings([JSON.stringify(Object.fromEntries(bare))]),
    notes: paths.map((postPath) => out.strings(posts[postPath]!.talks.map((talk) => talk.text))),
  };
  return out.chunks(header);
}

/** Reads a shard's notes; throws when the file is not a shard. */
export function readShard(bytes: Buffer, name: string): SavedShard {
  const { header, columns } = PackReader.open<ShardHeader>(bytes, name);
  const { paths, notes } = header;
  if (!Array.isArray(paths) || !Array.isArray(notes) || paths.length !== notes.length)
    throw new Error(`${name} does not hold extracted posts`);
  // Copied out, so that the rest of the file is freed while the JSON waits.
  const json = Buffer.from(columns.bytes(header.posts));
  const byPath = new Map(paths.map((postPath, index) => [postPath, columns.strings(notes[index]!)]));
  columns.end(name);
  return { notes: byPath, json };
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
    files[name] = await writeSummed(path.join(dir, name), shardFile(posts));
  }
  return files;
}
