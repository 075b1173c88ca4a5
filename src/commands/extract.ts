/** `talks extract FILE... [--json]`: runs the extractor on files and prints what it found. */
import { open } from 'node:fs/promises';
import { extractPost, MAX_POST_BYTES } from '../extract/index.ts';
import type { ExtractedPost } from '../model.ts';

/** Reads at most one byte past the limit, so an oversized file is reported without loading it. */
async function readCapped(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_POST_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function extractFile(file: string): Promise<ExtractedPost> {
  try {
    return extractPost(file, await readCapped(file));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { ...extractPost(file, new Uint8Array()), warnings: [`${file}: cannot be read (${reason})`] };
  }
}

/** The contract shape of one post in `talks extract --json`. */
export function toJson(post: ExtractedPost) {
  return {
    source: post.source,
    title: post.title,
    date: post.date,
    language: post.language,
    url: post.url,
    tags: post.tags,
    conference: post.conference,
    talks: post.talks.map((talk) => ({
      title: talk.title,
      speakers: talk.speakers,
      topics: talk.topics,
      kind: talk.kind,
      anchor: talk.anchor,
      conference: talk.conference,
    })),
    warnings: post.warnings,
  };
}

function formatText(post: ExtractedPost): string {
  const conf = post.conference ? `${post.conference.name} ${post.conference.year ?? ''}`.trim() : 'unknown';
  const lines = [
    `${post.source}: "${post.title}" (${conf}, ${post.date ?? 'no date'}), ${post.talks.length} talks`,
  ];
  for (const talk of post.talks) {
    const who = talk.speakers.map((s) => s.name + (s.handle ? ` ${s.handle}` : '')).join(', ');
    lines.push(`  - [${talk.kind}] ${talk.title ?? '(untitled)'}${who ? ` — ${who}` : ''}`);
    if (talk.topics.length) lines.push(`      topics: ${talk.topics.join(', ')}`);
  }
  for (const warning of post.warnings) lines.push(`  ! ${warning}`);
  return lines.join('\n');
}

export async function runExtract(files: string[], options: { json?: boolean }, out: (text: string) => void) {
  const posts: ExtractedPost[] = [];
  for (const file of files) posts.push(await extractFile(file));
  if (options.json) out(JSON.stringify(posts.map(toJson), null, 2));
  else out(posts.map(formatText).join('\n\n'));
}
