/**
 * The cached extractions, by post path, as the indexer keeps them between runs.
 *
 * Opening a snapshot needs only the posts' notes (the archive's texts); the rest of each
 * extraction is needed when the archive changes or replays the posts. So a shard read from a
 * snapshot stays as JSON until one of its posts is asked for, or every post is; the notes
 * already read become the talks' texts then, shared with the archive rather than copied.
 */
import { isAscii } from 'node:buffer';
import type { ExtractedPost } from '../model.ts';
import type { SavedShard } from './snapshot-posts.ts';

export class SavedPosts {
  private readonly posts = new Map<string, ExtractedPost>();
  /** Shards not parsed yet, under each path they hold. */
  private readonly pending = new Map<string, SavedShard>();

  constructor(shards: readonly SavedShard[] = []) {
    for (const shard of shards) for (const postPath of shard.notes.keys()) this.pending.set(postPath, shard);
  }

  /** The notes of a post's talks, in order, without parsing the rest of its extraction. */
  notes(postPath: string): readonly string[] | undefined {
    return (
      this.pending.get(postPath)?.notes.get(postPath) ?? this.posts.get(postPath)?.talks.map((t) => t.text)
    );
  }

  get size(): number {
    return this.posts.size + this.pending.size;
  }

  /** Every post's path, without parsing anything. */
  paths(): string[] {
    return [...this.posts.keys(), ...this.pending.keys()];
  }

  get(postPath: string): ExtractedPost | undefined {
    this.parse(postPath);
    return this.posts.get(postPath);
  }

  set(postPath: string, post: ExtractedPost): void {
    // Parsed first, so that the saved extraction cannot come back over this one later.
    this.parse(postPath);
    this.posts.set(postPath, post);
  }

  delete(postPath: string): void {
    this.parse(postPath);
    this.posts.delete(postPath);
  }

  /** Every post, parsing what is left. */
  entries(): [string, ExtractedPost][] {
    for (const postPath of [...this.pending.keys()]) this.parse(postPath);
    return [...this.posts];
  }

  toRecord(): Record<string, ExtractedPost> {
    return Object.fromEntries(this.entries());
  }

  private parse(postPath: string): void {
    const shard = this.pending.get(postPath);
    if (!shard) return;
    const json = shard.json.toString(isAscii(shard.json) ? 'latin1' : 'utf8');
    const parsed = JSON.parse(json) as Record<string, ExtractedPost>;
    for (const [path, notes] of shard.notes) {
      const post = parsed[path];
      if (!post || post.talks.length !== notes.length)
        throw new Error(`the saved extraction of ${path} does not match its notes`);
      post.talks.forEach((talk, index) => {
        talk.text = notes[index]!;
      });
      this.posts.set(path, post);
      this.pending.delete(path);
    }
  }
}
