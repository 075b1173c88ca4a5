/**
 * Restoring the builder from a saved archive instead of merging every post again.
 *
 * Merging (grouping entries into talks, mentions into speakers) is most of the cost of a build:
 * seconds at 100k talks. What it decided is saved with the archive as the merge state: the
 * entries of each talk and the mentions of each speaker. A restore files the posts' entries
 * again (cheap, and needed to apply later changes), then takes the groups from the state and
 * the records from the archive. Nothing in the state is trusted blindly: an entry or mention it
 * names must exist, and every entry and mention must be in exactly one group, or the restore
 * throws and the caller merges the posts instead.
 */
import type { Archive, ExtractedPost } from '../model.ts';
import { type Cluster, restoredCluster } from './cluster.ts';
import type { Entry } from './entries.ts';
import type { SpeakerRegistry } from './speakers.ts';
import type { EntryStore } from './store.ts';
import type { RecordTables } from './tables.ts';

/**
 * What merging decided, beyond the archive: plain data, saved with the archive. Entries and
 * mentions are named by their keys and ids; the builder hands out its own (immutable) lists,
 * so taking the state costs no copy of them.
 */
export interface MergeState {
  /** Talk id -> its entries, in the order of the talk's sources. */
  talks: ReadonlyMap<string, readonly { readonly key: string }[]>;
  /** Speaker id -> its mentions. */
  speakers: readonly (readonly [string, readonly { readonly id: string }[]])[];
}

/** The builder's parts a restore fills in. */
export interface RestoreParts {
  store: EntryStore;
  clusters: Map<string, Cluster>;
  conferenceTalks: Map<string, string[]>;
  talkOfEntry: Map<string, string>;
  speakers: SpeakerRegistry;
  tables: RecordTables;
}

/** Talks or mentions handled between two points where a restore may pause. */
const STEP = 4000;

/** Regroups the filed entries as the state says; throws when the state does not fit them. */
function* restoreTalks(parts: RestoreParts, archive: Archive, state: MergeState): Generator<void> {
  let grouped = 0;
  for (const [index, talk] of archive.talks.entries()) {
    if (index % STEP === STEP - 1) yield;
    const keys = state.talks.get(talk.id);
    if (keys?.length !== talk.sources.length)
      throw new Error(`the merge state does not list the ${talk.sources.length} entries of talk ${talk.id}`);
    const entries = keys.map(({ key }, index) => {
      const entry = parts.store.filed(talk.conferenceId, key);
      if (entry?.path !== talk.sources[index]!.post)
        throw new Error(`the merge state lists entry ${key} of talk ${talk.id}, which its posts lack`);
      return entry;
    });
    parts.clusters.set(talk.id, restoredCluster(entries, talk));
    for (const entry of entries) parts.talkOfEntry.set(entry.key, talk.id);
    const ids = parts.conferenceTalks.get(talk.conferenceId);
    // The archive lists talks in id order, so each conference's list comes out sorted.
    if (ids) ids.push(talk.id);
    else parts.conferenceTalks.set(talk.conferenceId, [talk.id]);
    grouped += entries.length;
  }
  const filed = parts.store.filedCount;
  if (grouped !== filed || state.talks.size !== archive.talks.length)
    throw new Error(`the merge state groups ${grouped} entries into talks, the posts have ${filed}`);
}

/**
 * Completes a restore once every post is filed (`floating`: their entries without a known
 * conference, placed now that every known entry is there). Pauses at each `yield`, so that a
 * caller can spread the work over turns of the event loop.
 */
function* restoreSteps(
  parts: RestoreParts,
  archive: Archive,
  state: MergeState,
  floating: Entry[],
): Generator<void> {
  parts.store.place(floating);
  yield;
  yield* restoreTalks(parts, archive, state);
  const mentions = function* () {
    for (const entries of parts.store.byPost.values()) for (const entry of entries) yield* entry.speakers;
  };
  yield* parts.speakers.restore(mentions(), state.speakers, STEP);
  parts.tables.restore(archive);
}

/** A restore under way (`ArchiveBuilder.restore`). */
export interface Restorer {
  /** Files saved posts; call it for every post before the first `step`. */
  add(posts: Iterable<[path: string, post: ExtractedPost]>): void;
  /** Does a slice of the rest; true once the restore is complete. */
  step(): boolean;
  /** Does all that is left. */
  finish(): void;
}

export function restorer(parts: RestoreParts, archive: Archive, state: MergeState): Restorer {
  const floating: Entry[] = [];
  let steps: Iterator<void> | null = null;
  let failure: unknown = null;
  const step = () => {
    // A generator that threw is closed: later calls must not report it done.
    if (failure !== null) throw failure;
    steps ??= restoreSteps(parts, archive, state, floating);
    try {
      return steps.next().done === true;
    } catch (error) {
      failure = error;
      throw error;
    }
  };
  return {
    add: (posts) => {
      for (const [path, post] of posts)
        for (const entry of parts.store.replace(path, post).next)
          if (!entry.conference.known) floating.push(entry);
    },
    step,
    finish: () => {
      while (!step()) {}
    },
  };
}
