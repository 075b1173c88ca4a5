/**
 * Speakers: every mention of a person in a post is joined with every other mention sharing a
 * handle or a normalised name. Updates recompute only the groups a changed mention touches.
 */
import type { Speaker } from '../model.ts';
import type { SpeakerMention } from './entries.ts';
import { speakerRecord } from './records.ts';
import { compareStrings, fewerInitials, handleKey, pickCanonical, slugify } from './text.ts';

interface Group {
  /** The smallest key of its mentions: orders groups that share a slug. */
  key: string;
  base: string;
  id: string;
  mentions: SpeakerMention[];
}

function hasHandle(mention: SpeakerMention): boolean {
  return Boolean(mention.handle && handleKey(mention.handle));
}

export class SpeakerRegistry {
  private readonly mentions = new Map<string, SpeakerMention>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly groupOf = new Map<string, Group>();
  private readonly byBase = new Map<string, Set<Group>>();
  private readonly byId = new Map<string, Group>();

  idOf(mentionId: string): string | undefined {
    return this.groupOf.get(mentionId)?.id;
  }

  mentionsOf(speakerId: string): SpeakerMention[] {
    return this.byId.get(speakerId)?.mentions ?? [];
  }

  /**
   * Replaces mentions and returns the ids of speakers that appeared, changed or disappeared,
   * and the mentions whose speaker id is not what it was.
   */
  update(removed: SpeakerMention[], added: SpeakerMention[]) {
    const before = new Map<string, string>();
    const oldGroups = new Set<Group>();
    for (const mention of [...removed, ...added])
      for (const key of mention.keys)
        for (const id of this.byKey.get(key) ?? []) oldGroups.add(this.groupOf.get(id)!);
    for (const group of oldGroups) for (const m of group.mentions) before.set(m.id, group.id);
    for (const mention of removed) this.forget(mention);
    for (const mention of added) this.remember(mention);
    const touched = new Set<string>();
    const bases = new Set<string>();
    for (const group of oldGroups) {
      touched.add(group.id);
      bases.add(group.base);
      this.byBase.get(group.base)?.delete(group);
      this.byId.delete(group.id);
    }
    // A post's new version reuses its mention ids: regroup the current mention objects, never the old ones.
    const seeds = [...oldGroups].flatMap((g) => g.mentions.flatMap((m) => this.mentions.get(m.id) ?? []));
    for (const group of this.regroup([...seeds, ...added])) bases.add(group.base);
    const moved = new Set<string>();
    for (const base of bases)
      for (const [group, previous] of this.assignIds(base)) {
        touched.add(group.id);
        if (previous && previous !== group.id) for (const m of group.mentions) moved.add(m.id);
      }
    for (const [id, old] of before) if (this.idOf(id) !== old) moved.add(id);
    for (const mention of added) if (!before.has(mention.id)) moved.add(mention.id);
    return { touched, moved };
  }

  speaker(id: string, talkIds: string[]): Speaker | null {
    const group = this.byId.get(id);
    return group ? speakerRecord(id, group.mentions, talkIds) : null;
  }

  /** Each speaker's id and mentions, in order: what `restore` starts from. A group's list is never modified. */
  groups(): [id: string, mentions: readonly SpeakerMention[]][] {
    return Array.from(this.byId, ([id, group]) => [id, group.mentions]);
  }

  /**
   * Starts from saved groups (`groups()`) instead of regrouping every mention; `mentions` are
   * all the mentions the groups were made of. Throws unless each is in exactly one group.
   * Pauses at each `yield`, a step at a time.
   */
  *restore(
    mentions: Iterable<SpeakerMention>,
    groups: Iterable<readonly [string, readonly { readonly id: string }[]]>,
    /** Mentions between two pauses (`yield`). */
    step: number,
  ): Generator<void> {
    if (this.mentions.size > 0) throw new Error('speakers can only be restored into an empty registry');
    let count = 0;
    for (const mention of mentions) {
      this.remember(mention);
      if (++count % step === 0) yield;
    }
    for (const [id, mentionIds] of groups) {
      count += mentionIds.length;
      if (count > step) {
        count = 0;
        yield;
      }
      const members = mentionIds.map(({ id: mentionId }) => {
        const mention = this.mentions.get(mentionId);
        if (!mention || this.groupOf.has(mentionId))
          throw new Error(`saved speaker ${id} lists mention ${mentionId}, unknown or listed twice`);
        return mention;
      });
      if (members.length === 0 || this.byId.has(id))
        throw new Error(`saved speaker ${id} is empty or listed twice`);
      const group = this.addGroup(members);
      group.id = id;
      this.byId.set(id, group);
    }
    if (this.groupOf.size !== this.mentions.size)
      throw new Error(
        `${this.mentions.size - this.groupOf.size} speaker mentions belong to no saved speaker`,
      );
  }

  private remember(mention: SpeakerMention): void {
    this.mentions.set(mention.id, mention);
    for (const key of mention.keys) {
      if (!this.byKey.has(key)) this.byKey.set(key, new Set());
      this.byKey.get(key)!.add(mention.id);
    }
  }

  private forget(mention: SpeakerMention): void {
    this.mentions.delete(mention.id);
    this.groupOf.delete(mention.id);
    for (const key of mention.keys) {
      const ids = this.byKey.get(key);
      ids?.delete(mention.id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }

  /**
   * Connected components over shared keys, starting from the given mentions. Handles come
   * first: a name shared by people with different handles is ambiguous, so it joins only the
   * mentions that have no handle, never two handles together.
   */
  private regroup(seeds: SpeakerMention[]): Group[] {
    const groups: Group[] = [];
    const seen = new Set<string>();
    const ambiguous = new Map<string, boolean>();
    const isAmbiguous = (key: string) => {
      if (!ambiguous.has(key)) ambiguous.set(key, key.startsWith('n:') && this.handlesUnder(key) > 1);
      return ambiguous.get(key)!;
    };
    for (const seed of seeds) {
      if (seen.has(seed.id)) continue;
      const members: SpeakerMention[] = [];
      const queue = [seed];
      seen.add(seed.id);
      while (queue.length) {
        const mention = queue.pop()!;
        members.push(mention);
        for (const key of mention.keys) {
          const narrow = isAmbiguous(key);
          if (narrow && hasHandle(mention)) continue;
          for (const id of this.byKey.get(key) ?? []) {
            const next = this.mentions.get(id)!;
            if (seen.has(id) || (narrow && hasHandle(next))) continue;
            seen.add(id);
            queue.push(next);
          }
        }
      }
      groups.push(this.addGroup(members));
    }
    return groups;
  }

  /** How many different handles the mentions under a key have. */
  private handlesUnder(key: string): number {
    const handles = new Set<string>();
    for (const id of this.byKey.get(key) ?? []) {
      const mention = this.mentions.get(id)!;
      if (hasHandle(mention)) handles.add(handleKey(mention.handle!));
    }
    return handles.size;
  }

  private addGroup(mentions: SpeakerMention[]): Group {
    const key = mentions.flatMap((m) => m.keys).sort(compareStrings)[0] ?? mentions[0]!.id;
    const names = mentions.map((m) => m.name.trim()).filter(Boolean);
    const handle = mentions.find((m) => m.handle)?.handle ?? '';
    const base = slugify(pickCanonical(names, fewerInitials) ?? handleKey(handle)) || 'speaker';
    const group: Group = { key, base, id: '', mentions };
    for (const mention of mentions) this.groupOf.set(mention.id, group);
    if (!this.byBase.has(base)) this.byBase.set(base, new Set());
    this.byBase.get(base)!.add(group);
    return group;
  }

  /** Groups sharing a slug: the first by key keeps it, the others get "-2", "-3"... */
  private assignIds(base: string): [Group, string][] {
    const groups = [...(this.byBase.get(base) ?? [])].sort((a, b) => compareStrings(a.key, b.key));
    if (groups.length === 0) this.byBase.delete(base);
    return groups.map((group, index) => {
      const previous = group.id;
      if (previous && this.byId.get(previous) === group) this.byId.delete(previous);
      group.id = index === 0 ? base : `${base}-${index + 1}`;
      this.byId.set(group.id, group);
      return [group, previous];
    });
  }
}
