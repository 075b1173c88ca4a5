/**
 * The difference between the posts folder and the last run: which posts are new, changed,
 * moved or deleted, with the new ones already extracted. Reads the folder; changes no state.
 */
import type { ExtractedPost } from '../model.ts';
import { type FileState, type PostsManifest, readPost, type ScannedFile, scanPosts, sha256 } from './scan.ts';

export type ExtractFn = (source: string, bytes: Uint8Array) => Promise<ExtractedPost>;

export interface PostChanges {
  /** New or changed posts, extracted. */
  upserts: Map<string, ExtractedPost>;
  added: string[];
  changed: string[];
  removed: string[];
  /** Moved posts (same content, new path): their extraction is reused. */
  renamed: { from: string; to: string }[];
  /** Posts that could not be read, with the reason. */
  unreadable: { path: string; reason: string }[];
  unchanged: number;
  /** The posts' states after this change. */
  manifest: PostsManifest;
}

const READ_BATCH = 16;

interface Candidate {
  file: ScannedFile;
  bytes: Uint8Array;
  hash: string;
}

function failedPost(source: string, reason: string): ExtractedPost {
  return {
    source,
    title: '',
    date: null,
    language: null,
    url: null,
    tags: [],
    conference: null,
    talks: [],
    warnings: [reason.startsWith(source) ? reason : `${source}: skipped, ${reason}`],
  };
}

async function readCandidates(postsDir: string, files: ScannedFile[], changes: PostChanges) {
  const candidates: Candidate[] = [];
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = files.slice(i, i + READ_BATCH);
    const read = await Promise.all(
      batch.map((file) =>
        readPost(postsDir, file.path).then(
          (bytes) => ({ file, bytes, hash: sha256(bytes) }),
          (error: NodeJS.ErrnoException) => {
            changes.unreadable.push({
              path: file.path,
              reason: `cannot be read (${error.code ?? error.message})`,
            });
            return null;
          },
        ),
      ),
    );
    for (const candidate of read) if (candidate) candidates.push(candidate);
  }
  return candidates;
}

export async function diffPosts(
  postsDir: string,
  previous: PostsManifest,
  cached: (path: string) => ExtractedPost | undefined,
  extract: ExtractFn,
): Promise<PostChanges> {
  const files = await scanPosts(postsDir);
  const changes: PostChanges = {
    upserts: new Map(),
    ...{ added: [], changed: [], removed: [], renamed: [], unreadable: [], unchanged: 0 },
    manifest: {},
  };
  const seen = new Set(files.map((f) => f.path));
  changes.removed = Object.keys(previous)
    .filter((p) => !seen.has(p))
    .sort();
  const toRead: ScannedFile[] = [];
  for (const file of files) {
    const before = previous[file.path];
    if (before && before.size === file.size && before.mtimeMs === file.mtimeMs) {
      changes.manifest[file.path] = before;
      changes.unchanged++;
    } else toRead.push(file);
  }
  const movedFrom = new Map(changes.removed.map((p) => [previous[p]!.hash, p]));
  const extractions: Promise<void>[] = [];
  for (const { file, bytes, hash } of await readCandidates(postsDir, toRead, changes)) {
    const state: FileState = { hash, size: file.size, mtimeMs: file.mtimeMs };
    changes.manifest[file.path] = state;
    const before = previous[file.path];
    if (before?.hash === hash) {
      changes.unchanged++;
      continue;
    }
    const from = before ? undefined : movedFrom.get(hash);
    const reused = from ? cached(from) : undefined;
    if (from && reused) {
      movedFrom.delete(hash);
      changes.renamed.push({ from, to: file.path });
      changes.upserts.set(file.path, { ...reused, source: file.path });
      continue;
    }
    (before ? changes.changed : changes.added).push(file.path);
    // Started together, so a worker pool extracts them in parallel.
    extractions.push(
      extract(file.path, bytes)
        .catch((error: Error) => failedPost(file.path, error.message))
        .then((post) => void changes.upserts.set(file.path, post)),
    );
  }
  await Promise.all(extractions);
  // A post that vanished or became unreadable since the listing keeps its last known version.
  for (const { path } of changes.unreadable) if (previous[path]) changes.manifest[path] = previous[path];
  return changes;
}
