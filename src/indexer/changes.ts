/**
 * The difference between the posts folder and the last run: which posts are new, changed,
 * moved or deleted, with the new ones already extracted. Reads the folder; changes no state.
 */
import { emptyPost } from '../extract/index.ts';
import type { ExtractedPost } from '../model.ts';
import {
  type FileState,
  type PostsManifest,
  readPost,
  type ScannedFile,
  scanPosts,
  sha256,
  statPosts,
} from './scan.ts';

export type ExtractFn = (source: string, bytes: Uint8Array) => Promise<ExtractedPost>;

/** Called as each post is extracted: `done` of `total`, and the post's path. */
export type ProgressFn = (done: number, total: number, path: string) => void;

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
  const post = emptyPost(source, `skipped, ${reason}`);
  return reason.startsWith(source) ? { ...post, warnings: [reason] } : post;
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

/** Lists the posts to compare: the whole folder, or only `paths` (the rest is carried over). */
async function listPosts(postsDir: string, previous: PostsManifest, changes: PostChanges, paths?: string[]) {
  const files = paths ? await statPosts(postsDir, paths) : await scanPosts(postsDir);
  const scope = paths ? new Set(paths) : null;
  const seen = new Set(files.map((f) => f.path));
  for (const [path, state] of Object.entries(previous)) {
    if (scope && !scope.has(path)) {
      changes.manifest[path] = state;
      changes.unchanged++;
    } else if (!seen.has(path)) changes.removed.push(path);
  }
  changes.removed.sort();
  return files;
}

/**
 * Compares the posts folder with `previous` and extracts new and changed posts. With `paths`
 * (relative, as a watcher reports them) only those are looked at; otherwise the whole folder.
 */
export async function diffPosts(
  postsDir: string,
  previous: PostsManifest,
  cached: (path: string) => ExtractedPost | undefined,
  extract: ExtractFn,
  options: { progress?: ProgressFn; paths?: string[] } = {},
): Promise<PostChanges> {
  const progress = options.progress ?? (() => {});
  const changes: PostChanges = {
    upserts: new Map(),
    ...{ added: [], changed: [], removed: [], renamed: [], unreadable: [], unchanged: 0 },
    manifest: {},
  };
  const toRead: ScannedFile[] = [];
  for (const file of await listPosts(postsDir, previous, changes, options.paths)) {
    const before = previous[file.path];
    if (before && before.size === file.size && before.mtimeMs === file.mtimeMs) {
      changes.manifest[file.path] = before;
      changes.unchanged++;
    } else toRead.push(file);
  }
  const movedFrom = new Map(changes.removed.map((p) => [previous[p]!.hash, p]));
  const extractions: Promise<void>[] = [];
  const candidates = await readCandidates(postsDir, toRead, changes);
  let done = 0;
  for (const { file, bytes, hash } of candidates) {
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
        .then((post) => {
          changes.upserts.set(file.path, post);
          progress(++done, candidates.length, file.path);
        }),
    );
  }
  await Promise.all(extractions);
  // A post that vanished or became unreadable since the listing keeps its last known version.
  for (const { path } of changes.unreadable) if (previous[path]) changes.manifest[path] = previous[path];
  return changes;
}
