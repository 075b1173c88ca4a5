/**
 * Durable file writes: a file is written, flushed to disk, then renamed into place, and the
 * folder holding it is flushed too, so a crash leaves either the old content or the new one.
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * What the manifest records of a file to detect a damaged one: its size and a CRC-32, which
 * catches truncation, flipped bits and torn writes at a third of the cost of SHA-256 (the
 * files are not protected against someone who means to forge them, only against accidents).
 */
export interface FileSum {
  crc32: number;
  bytes: number;
}

/** A file's content: the whole of it, or its pieces in order. */
export type Content = string | Uint8Array | Iterable<Uint8Array | string>;

/** Writes `content` as `writeDurable` does, a piece at a time; returns what the manifest records. */
export async function writeSummed(file: string, content: Content): Promise<FileSum> {
  const pieces = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const sum: FileSum = { crc32: 0, bytes: 0 };
  const handle = await open(file, 'w');
  try {
    for (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      // zlib's crc32 of an empty piece gives 0, not the running value it is handed.
      if (bytes.byteLength === 0) continue;
      // Appends: writeFile on a handle writes from where the last write ended.
      await handle.writeFile(bytes);
      sum.crc32 = crc32(bytes, sum.crc32);
      sum.bytes += bytes.byteLength;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return sum;
}

export function sumMatches(content: Uint8Array, sum: FileSum): boolean {
  return content.byteLength === sum.bytes && crc32(content) === sum.crc32;
}

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
