/**
 * Talks announced by headings, second step: each heading read by headings.ts is judged against
 * its neighbours. The heading level where most headings are clearly talks, or the children of
 * a "Day 2" / "Sessions" heading, make uncertain ones talks.
 */
import type { TalkKind } from '../../model.ts';
import { isBareKind } from './classify.ts';
import type { HeadingInfo, HeadingTalk } from './headings.ts';
import { parsePhrase, type TitledPhrase } from './patterns.ts';
import { linkedPerson } from './prose-speakers.ts';
import { cleanTitle, kindOf } from './titles.ts';

const confirmed = (info: HeadingInfo) =>
  !info.nonTalk && (!!info.phrase?.confirmed || info.byline.length > 0);
const nameOnly = (info: HeadingInfo) => !info.nonTalk && !!info.phrase && !info.phrase.confirmed;

/** The heading level at which `test` holds for most headings, when it holds at least twice. */
function dominantLevel(infos: readonly HeadingInfo[], test: (i: HeadingInfo) => boolean): number | null {
  // Counts by level (h1-h6; slot 0 unused) in one pass, rather than two filtered copies per level.
  const all = [0, 0, 0, 0, 0, 0, 0];
  const hits = [0, 0, 0, 0, 0, 0, 0];
  for (const info of infos) {
    if (info.nonTalk) continue;
    all[info.heading.level]!++;
    if (test(info)) hits[info.heading.level]!++;
  }
  let best: number | null = null;
  let bestCount = 1;
  for (let level = 1; level <= 6; level++) {
    const count = hits[level]!;
    if (count > bestCount && count >= all[level]! / 2) {
      best = level;
      bestCount = count;
    }
  }
  return best;
}

/** A bare "Keynote" heading is a talk among the sessions of a "Morning" or "Day 1" heading. */
function bareUnderContainer(info: HeadingInfo, parent: HeadingInfo | null): boolean {
  return !!parent?.container && isBareKind(info.heading.text) && hasContent(info);
}

/** "SOFAStack Workshop", "Opening keynote": a heading that says what kind of session it is. */
function namesKind(text: string): boolean {
  const words = text.split(/\s+/).length;
  return kindOf(text) !== null && words >= 2 && words <= 4;
}

/** Most headings beside this one (same parent, same level) are clearly talks. */
function siblingsAreTalks(info: HeadingInfo, infos: readonly HeadingInfo[]): boolean {
  const siblings = infos.filter(
    (i) => i.parent === info.parent && i.heading.level === info.heading.level && !i.nonTalk && i !== info,
  );
  const sure = siblings.filter(confirmed).length;
  return sure >= 2 && sure >= (siblings.length + 1) * 0.75;
}

function hasContent(info: HeadingInfo): boolean {
  return info.direct.some((b) => b.text.length > 20);
}

export function talkHeadings(infos: readonly HeadingInfo[]): HeadingTalk[] {
  const talkLevel = dominantLevel(infos, confirmed);
  const nameLevel = dominantLevel(infos, nameOnly);
  const isTalk: boolean[] = [];
  const insideTalk = (info: HeadingInfo): boolean => {
    for (let p = info.parent; p !== null; p = infos[p]!.parent) if (isTalk[p]) return true;
    return false;
  };
  const talks: HeadingTalk[] = [];
  infos.forEach((info, n) => {
    const inside = insideTalk(info);
    const parent = info.parent === null ? null : infos[info.parent]!;
    const level = info.heading.level;
    const yes =
      !info.notAttended &&
      (!info.nonTalk || bareUnderContainer(info, parent)) &&
      (!!info.phrase?.confirmed ||
        (!inside &&
          (info.byline.length > 0 ||
            (nameOnly(info) && level === nameLevel) ||
            (!!parent?.container && hasContent(info)) ||
            (namesKind(info.heading.text) && hasContent(info)) ||
            (level === talkLevel && hasContent(info) && siblingsAreTalks(info, infos)))));
    isTalk[n] = yes;
    if (yes) talks.push(toTalk(info, infos, nameLevel));
  });
  return talks;
}

/** "☇ Lightning ☇" followed by sibling talk headings: the nearest organising sibling says the kind. */
function kindBefore(info: HeadingInfo, infos: readonly HeadingInfo[]): TalkKind | null {
  for (let i = infos.indexOf(info) - 1; i >= 0; i--) {
    const other = infos[i]!;
    if (other.heading.level < info.heading.level) return null;
    // Only a bare marker ("☇ Lightning ☇" with its talks beside it, not below it) says the kind.
    const marker = infos[i + 1]!.heading.level <= other.heading.level;
    if (other.heading.level === info.heading.level && other.nonTalk)
      return marker ? kindOf(other.heading.text) : null;
  }
  return null;
}

/** "Opening keynote" followed by "Watch this space (Jane Doe)": the first line names the talk. */
function bareKindPhrase(info: HeadingInfo): TitledPhrase | null {
  if (!isBareKind(info.heading.text)) return null;
  const phrase = parsePhrase(info.direct[0]?.lines[0] ?? '');
  return phrase?.confirmed && phrase.speakers.length
    ? { ...phrase, kind: phrase.kind ?? kindOf(info.heading.text) }
    : null;
}

function toTalk(info: HeadingInfo, infos: readonly HeadingInfo[], nameLevel: number | null): HeadingTalk {
  const phrase = bareKindPhrase(info) ?? info.phrase;
  // A name-only heading is a speaker only where such headings are the post's pattern.
  const titled = phrase?.confirmed || !phrase || info.heading.level !== nameLevel;
  const title = titled ? (phrase?.title ?? cleanTitle(info.heading.text)) : null;
  const fromPhrase = phrase && (phrase.confirmed || !titled) && phrase.speakers.length;
  const speakers = fromPhrase
    ? phrase.speakers
    : info.byline.length
      ? info.byline
      : linkedPerson(info.direct);
  let kind = phrase?.kind ?? kindOf(info.heading.text) ?? kindBefore(info, infos);
  for (let p = info.parent; !kind && p !== null; p = infos[p]!.parent) kind = kindOf(infos[p]!.heading.text);
  return { info, title: title || null, speakers, kind: kind ?? 'talk' };
}
