/**
 * Fingerprints of the code a snapshot depends on. The configuration hash sees the schema, the
 * search configuration and the vocabularies, but not code: an improved extractor must re-read
 * every post, and a changed merge must re-merge the cached extractions. Hashing the source
 * files (a few hundred kilobytes, read once when an indexer opens) catches both.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './scan.ts';

export interface CodeFingerprint {
  /** src/extract/ plus the data files extraction reads (topics, conferences). */
  extractor: string;
  /** src/archive/: how extractions are merged into talks, speakers and conferences. */
  archive: string;
}

const SRC = fileURLToPath(new URL('..', import.meta.url));
const DATA = fileURLToPath(new URL('../../data', import.meta.url));

/** Every file under `dir`, sorted by relative path; a missing folder has none. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of the files' relative paths and contents: renaming or editing any of them changes it. */
export async function hashFiles(root: string, files: string[]): Promise<string> {
  const parts: string[] = [];
  for (const file of files) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    parts.push(`${path.relative(root, file).split(path.sep).join('/')}\0${sha256(content)}`);
  }
  return sha256(parts.join('\n')).slice(0, 16);
}

/** Fingerprints of the extractor and archive code found in `srcDir` (this checkout by default). */
export async function codeFingerprint(srcDir = SRC, dataDir = DATA): Promise<CodeFingerprint> {
  const extractFiles = await listFiles(path.join(srcDir, 'extract'));
  const dataFiles = ['topics.json', 'conferences.json'].map((name) => path.join(dataDir, name));
  const archiveFiles = await listFiles(path.join(srcDir, 'archive'));
  return {
    extractor: await hashFiles(path.dirname(srcDir), [...extractFiles, ...dataFiles]),
    archive: await hashFiles(path.dirname(srcDir), archiveFiles),
  };
}
