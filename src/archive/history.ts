/**
 * What became of talk ids that no longer exist, so permanent links keep working: `redirects`
 * (old id -> the id the same talk has now, for a 301) and `gone` (talks whose posts were
 * deleted, for a 410). Redirects always point at a live id: chains are collapsed as they form.
 */
import { compareStrings } from './text.ts';

export interface Departure {
  id: string;
  /** The live id the talk continues under, or null when it has no successor. */
  successor: string | null;
}

export class TalkHistory {
  private readonly redirects = new Map<string, string>();
  private readonly sourcesOf = new Map<string, Set<string>>();
  private readonly gone = new Set<string>();

  constructor(redirects: Record<string, string> = {}, gone: string[] = []) {
    for (const [from, to] of Object.entries(redirects)) this.redirect(from, to);
    for (const id of gone) this.gone.add(id);
  }

  /** Records ids that disappeared and forgets any record about ids that are live again. */
  update(departures: Departure[], arrivals: Iterable<string>): void {
    for (const id of arrivals) this.revive(id);
    for (const { id, successor } of departures) {
      const earlier = [...(this.sourcesOf.get(id) ?? [])];
      this.sourcesOf.delete(id);
      for (const from of [id, ...earlier]) {
        if (successor && successor !== from) this.redirect(from, successor);
        else this.bury(from);
      }
    }
  }

  toJSON(): { redirects: Record<string, string>; gone: string[] } {
    const sorted = [...this.redirects].sort(([a], [b]) => compareStrings(a, b));
    return { redirects: Object.fromEntries(sorted), gone: [...this.gone].sort(compareStrings) };
  }

  private redirect(from: string, to: string): void {
    this.unlink(from);
    this.gone.delete(from);
    this.redirects.set(from, to);
    if (!this.sourcesOf.has(to)) this.sourcesOf.set(to, new Set());
    this.sourcesOf.get(to)!.add(from);
  }

  private bury(id: string): void {
    this.unlink(id);
    this.gone.add(id);
  }

  private revive(id: string): void {
    this.unlink(id);
    this.gone.delete(id);
  }

  private unlink(from: string): void {
    const to = this.redirects.get(from);
    if (to === undefined) return;
    this.redirects.delete(from);
    this.sourcesOf.get(to)?.delete(from);
    if (this.sourcesOf.get(to)?.size === 0) this.sourcesOf.delete(to);
  }
}
