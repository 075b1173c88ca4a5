/** Temp folders and a stand-in extractor that reads posts written as JSON, for indexer tests. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExtractFn } from '../../src/indexer/index.ts';
import type { ExtractedPost } from '../../src/model.ts';

export interface Folders {
  root: string;
  posts: string;
  data: string;
  cleanup(): Promise<void>;
}

export async function tempFolders(): Promise<Folders> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'talks-indexer-'));
  const posts = path.join(root, 'posts');
  await mkdir(posts);
  return {
    root,
    posts,
    data: path.join(root, 'index'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** A post file: its content is the ExtractedPost itself, so tests do not depend on the extractor. */
export async function writePost(dir: string, relative: string, post: ExtractedPost): Promise<void> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(post));
}

export interface CountingExtract {
  extract: ExtractFn;
  /** The sources extracted so far. */
  calls: string[];
}

export function jsonExtract(): CountingExtract {
  const calls: string[] = [];
  return {
    calls,
    extract: async (source, bytes) => {
      calls.push(source);
      return { ...(JSON.parse(Buffer.from(bytes).toString('utf8')) as ExtractedPost), source };
    },
  };
}
