/**
 * Durable file writes: a file is written, flushed to disk, then renamed into place, and the
 * folder holding it is flushed too, so a crash leaves either the old content or the new one.
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function writeDurable(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (new names, renames); a no-op where folders cannot be opened. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder for syncing; its renames are durable on their own.
  } finally {
    await handle?.close();
  }
}

/** Replaces `file` atomically: readers see the old content or the new, never a mix. */
export async function replaceAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeDurable(temporary, content);
  await rename(temporary, file);
  await syncFolder(path.dirname(file));
}

export async function ensureFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

export async function listFolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
