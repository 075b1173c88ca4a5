/**
 * Finds the posts in the posts folder and tells which ones changed since the last run. A file
 * whose size and modification time are unchanged is not read again; any other is hashed, so a
 * touched but identical file is not re-extracted, and a moved file is recognised by its hash.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config.ts';

export const POST_EXTENSIONS = ['.html', '.htm', '.md', '.markdown', '.txt'];

export interface FileState {
  /** sha256 of the content, hex. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** Post path relative to the posts folder (always with "/") -> its state. */
export type PostsManifest = Record<string, FileState>;

export interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export function isPostFile(name: string): boolean {
  if (name.startsWith('.') || /^readme/i.test(name)) return false;
  return POST_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

function folderError(dir: string, error: NodeJS.ErrnoException | null): ConfigError {
  const problem =
    error === null
      ? 'is not a directory'
      : error.code === 'ENOENT'
        ? 'does not exist'
        : `cannot be read (${error.code ?? error.message})`;
  return new ConfigError(`posts directory "${dir}" ${problem} (pass --posts DIR or set TALKS_POSTS_DIR)`);
}

async function checkFolder(dir: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw folderError(dir, null);
    await readdir(dir);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw folderError(dir, error as NodeJS.ErrnoException);
  }
}

/** Files stat'ed at once: one await per batch rather than per file. */
const STAT_BATCH = 64;

/** Stats the given files (absolute path, relative path) in batches; vanished ones are left out. */
async function statFiles(files: { full: string; relative: string }[]): Promise<ScannedFile[]> {
  const found: ScannedFile[] = [];
  for (let i = 0; i < files.length; i += STAT_BATCH) {
    const batch = files.slice(i, i + STAT_BATCH);
    const infos = await Promise.all(
      // Deleted between listing and stat: it is simply not part of this run.
      batch.map(({ full }) => stat(full).catch(() => null)),
    );
    batch.forEach(({ relative }, k) => {
      const info = infos[k];
      if (info?.isFile()) found.push({ path: relative, size: info.size, mtimeMs: info.mtimeMs });
    });
  }
  return found;
}

/** Every post file under `dir`, recursively; dotfiles, dot-folders and README files are skipped. */
export async function scanPosts(dir: string): Promise<ScannedFile[]> {
  await checkFolder(dir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: { full: string; relative: string }[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    if (!entry.isFile() || !isPostFile(entry.name) || relative.split('/').some((p) => p.startsWith('.')))
      continue;
    files.push({ full, relative });
  }
  const found = await statFiles(files);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The given posts (relative paths) that exist and are post files; the others are absent. */
export async function statPosts(dir: string, paths: string[]): Promise<ScannedFile[]> {
  await checkFolder(dir);
  const files: { full: string; relative: string }[] = [];
  for (const relative of [...new Set(paths)].sort()) {
    const parts = relative.split('/');
    if (parts.some((part) => part.startsWith('.') || part === '') || !isPostFile(parts[parts.length - 1]!))
      continue;
    files.push({ full: path.join(dir, ...parts), relative });
  }
  // Absent ones are deleted posts.
  return statFiles(files);
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readPost(dir: string, relative: string): Promise<Uint8Array> {
  return readFile(path.join(dir, ...relative.split('/')));
}
