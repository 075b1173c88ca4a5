/**
 * Phrases that name the speaker first: "Jane Doe - Tides of data", "Jane Doe (Acme): Tides of
 * data", "**Jane Doe** – *Tides of data*". Read alone, "Event Sourcing: Lessons learned" has the
 * same shape, so the reading is trusted where the post repeats it: in at least two headings of
 * one level, or items of one list (or paragraphs led by a bold name), twice as many as the
 * siblings that read as nothing else, with no speaker line under such a heading naming someone
 * else. A company or handle beside the name ("Jane Doe (Acme) - …") is enough on its own.
 */
import type { Element } from 'domhandler';
import type { ExtractedSpeaker } from '../../model.ts';
import { hasHanSurname, parseSpeakerList, startsWithName } from '../speakers.ts';
import { matchTopics } from '../topics.ts';
import type { Block, TextBlock } from './blocks.ts';
import { findByline } from './byline.ts';
import { isContainerHeading, isNonTalkHeading } from './classify.ts';
import { parsePhrase, type TitledPhrase } from './patterns.ts';
import { CREDITS } from './phrase-forms.ts';
import { AT_MOST_THREE_WORDS, cleanTitle, kindOf } from './titles.ts';

/** The people (a few names, so a bounded run) before the first dash, bar or colon, and what follows. */
const SPLIT = /^(.{2,100}?)(?:\s[-–—|]\s|\s*:\s|\s*：\s*)(.+)$/u;
/** What follows a name when it says who the person is, not what they said. */
const ROLE =
  /^(?:senior|staff|principal|lead|chief|head|vp|director|founder|co-?founder|cto|ceo|coo|engineer|developer|programmer|architect|manager|consultant|researcher|professor|maintainer|creator|evangelist|advocate|designer|working|works|from|at|of|chez|de)\b/i;

/** "Developer Advocate at Acme", "Staff engineer, Acme": a short line that gives a job. */
const JOB =
  /\b(?:engineer|developer|architect|manager|director|lead|cto|ceo|founder|advocate|evangelist|consultant|expert|researcher|scientist|designer|maintainer|head|vp|president|officer|analyst|intern)s?\b.*(?:\sat\s|\s@\s|,\s)/i;

export interface SpeakerFirst {
  phrase: TitledPhrase;
  /** A company or handle sits beside the name, so the phrase reads this way even alone. */
  strong: boolean;
}

/**
 * The title after the people: capitalised, with no role. Unless `short` (the post's pattern is
 * already known), it is no person and has three words or a lower-case one, so that a company
 * ("Jane Doe - Acme Labs") is not read as one.
 */
function titleOf(rest: string, short: boolean): string | null {
  // A quoted sentence ("Jane Doe: “Ship it daily.”") is a quote, not a title.
  if (/[.!]\s*["”»]\s*$/u.test(rest)) return null;
  // "Jane Doe - Tides of data. She showed…": the title ends with the first sentence.
  const title = cleanTitle(rest.split(/(?<=[^\s.]{2})\.\s+(?=\p{Lu})/u)[0]!.replace(/\.$/, ''));
  const words = title.split(/\s+/);
  if (title.length < 3 || title.length > 150 || words.length > 20) return null;
  if (words.length <= 8 && JOB.test(title)) return null;
  if (!/^[\p{Lu}\p{N}"“«'‘\p{Script=Han}]/u.test(title) || ROLE.test(title) || CREDITS.test(title))
    return null;
  // "Jane Doe - Acme Labs": a company or a second person is no title, unless the post's pattern
  // says so ("Maybe Tomorrow" reads like a name too).
  if (!short && parseSpeakerList(title).length) return null;
  const described = short || words.length >= 3 || /\s\p{Ll}/u.test(title) || /[?!]$/.test(title);
  return described || /\p{Script=Han}/u.test(title) ? title : null;
}

/** Capitalised words that open a post's own section labels ("Key Takeaways: …"), never a person. */
const LABEL_WORDS = new Set(
  (
    'key takeaways takeaway next steps lessons learned learnings thoughts main big top best favourite favorite ' +
    'highlights bonus general overall personal random quick short long last honourable honorable mentions ' +
    'venue food travel hotel swag community networking hallway tracks stage expo booth booths sponsor sponsors'
  ).split(' '),
);

/**
 * "Key Takeaways", "Apache Kafka", "Event Sourcing": capitalised like a name, but a section word
 * is in it, or a known topic ends it (or fills it), which a surname does not; a topic for a
 * first name ("Julia Evans") is fine.
 */
function notAPerson(speaker: ExtractedSpeaker): boolean {
  // "背景：…", "总结：…": any two Han characters pass for a name, so a common surname must open it.
  if (/^\p{Script=Han}/u.test(speaker.name)) return !hasHanSurname(speaker.name);
  if (speaker.name.split(/\s+/).some((word) => LABEL_WORDS.has(word.toLowerCase()))) return true;
  const last = speaker.name.split(/\s+/).at(-1)!.toLowerCase();
  return matchTopics(speaker.name).some((topic) => topic.includes(' ') || topic.toLowerCase().endsWith(last));
}

export function speakerFirst(text: string, short = false): SpeakerFirst | null {
  // "1. Jane Doe — Title", "#2 - Jane Doe: Title": the author's numbering.
  const unnumbered = text.replace(/^\s*#?\d{1,2}(?:[.)]|\s[-–—])?\s+/, '');
  // Most lines open with no name: the cheap test first.
  const match = startsWithName(unnumbered) ? unnumbered.match(SPLIT) : null;
  if (!match) return null;
  const speakers = parseSpeakerList(match[1]!.trim());
  const title = speakers.length && !speakers.some(notAPerson) ? titleOf(match[2]!, short) : null;
  if (!title) return null;
  const strong = /[(（@]/.test(match[1]!) && speakers.some((s) => s.handle || s.affiliation);
  return { phrase: { title, speakers, confirmed: true, kind: kindOf(title) }, strong };
}

interface Candidate {
  index: number;
  text: string;
  heading: boolean;
}

/** "Day 2: Kubernetes", "Lunch": headings that organise the post, neither talks nor siblings. */
const organises = (c: Candidate) => c.heading && (isNonTalkHeading(c.text) || isContainerHeading(c.text));

/** The speakers named by the lines under a heading ("Jane Doe - Acme"), none when none is. */
function bylineUnder(blocks: readonly Block[], index: number): string[] {
  const direct: TextBlock[] = [];
  for (let i = index + 1; i < blocks.length && direct.length < 3; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') break;
    direct.push(block);
  }
  return findByline(direct).speakers.map((s) => s.name);
}

/** Under "Domain Modelling: Where to start", a speaker line naming someone else: no speaker-first. */
function contradicted(blocks: readonly Block[], c: Candidate, first: SpeakerFirst): boolean {
  if (blocks[c.index]?.type !== 'heading') return false;
  const named = bylineUnder(blocks, c.index);
  return named.length > 0 && !first.phrase.speakers.some((s) => named.includes(s.name));
}

/** Sections that list people for what they did, wrote or said, not for a talk: "Team", "Books", "Quotes". */
const PEOPLE_SECTION =
  /\b(?:team|organi[sz]\w*|sponsors?|volunteers?|staff|crew|thanks|credits|acknowledg\w*|people|who|attendees|contacts?|about|links|resources|references|reading|books?|quotes?|quotations?|tweets?|citations?|équipe|bénévoles|remerciements|liens|livres|lectures?)\b|致谢|团队|书/iu;

/** The blocks that may read speaker first, grouped by what makes them siblings. */
function groups(blocks: readonly Block[]): Map<unknown, Candidate[]> {
  const byKey = new Map<unknown, Candidate[]>();
  const add = (key: unknown, candidate: Candidate) => {
    const group = byKey.get(key);
    if (group) group.push(candidate);
    else byKey.set(key, [candidate]);
  };
  const above: { level: number; people: boolean }[] = [];
  // Whether a heading above lists people: it changes only at headings, not at each block.
  let inPeople = false;
  blocks.forEach((block, index) => {
    if (block.type === 'heading') {
      while (above.length && above.at(-1)!.level >= block.level) above.pop();
      const underPeople = above.some((h) => h.people);
      // Only a short label names such a section; a post's title ("What I learned about…") does not.
      const people = AT_MOST_THREE_WORDS.test(block.text) && PEOPLE_SECTION.test(block.text);
      above.push({ level: block.level, people });
      inPeople = underPeople || people;
      if (!underPeople) add(`h${block.level}`, { index, text: block.text, heading: true });
    } else if (inPeople) {
      return;
    } else if (block.tag === 'li' && block.depth === 0 && block.el?.parent) {
      add(block.el.parent as Element, { index, text: block.lines[0] ?? '', heading: false });
    } else if (block.tag === 'p' && block.lead && block.text.startsWith(block.lead)) {
      // A paragraph counts only when its bold or linked lead is the people ("**Jane Doe** – …").
      const line = block.lines[0] ?? '';
      if (startsWithName(line) && SPLIT.test(line) && parseSpeakerList(block.lead).length)
        add('p', { index, text: line, heading: false });
    }
  });
  return byKey;
}

/**
 * The speaker-first reading of each block where the post uses that shape. Where another
 * reading also fits ("Jane Doe - Node Streams" as "Title - Speaker"), the group decides. Unless
 * the post reads as a recap (`recap`, asked only when a group would decide), only a company or
 * handle beside a name is enough.
 */
export function speakerFirstPhrases(
  blocks: readonly Block[],
  recap: () => boolean = () => true,
): Map<number, TitledPhrase> {
  const phrases = new Map<number, TitledPhrase>();
  const titleFirst = (text: string) => {
    const phrase = parsePhrase(text);
    return !!phrase?.confirmed && phrase.speakers.length > 0;
  };
  for (const group of groups(blocks).values()) {
    const read = group.map((c) => {
      const first = speakerFirst(c.text);
      const fits = first && !organises(c) && !contradicted(blocks, c, first);
      // The fields by name: V8 copies a spread that adds a property (`...c, first`) slowly.
      return { index: c.index, text: c.text, heading: c.heading, first: fits ? first : null };
    });
    const found = read.filter((c) => c.first);
    if (!found.length) continue;
    // Once one sibling reads in full, a short title reads too and counts with it: "Jane Doe &
    // Bo Li - Phoenix LiveView" beside "Saša Jurić - The soul of Erlang".
    const short = new Map<Candidate, SpeakerFirst>();
    for (const c of read) {
      const first = c.first || organises(c) ? null : speakerFirst(c.text, true);
      if (first && !contradicted(blocks, c, first)) short.set(c, first);
    }
    const count = found.length + short.size;
    // Against the shape count only the siblings that read as nothing else: not "Lunch", not
    // "Keynote — Jane Doe". Asked only when it matters.
    const against =
      count >= 2
        ? read.filter((c) => !c.first && !short.has(c) && !organises(c) && !titleFirst(c.text)).length
        : 0;
    const plain = found.filter((c) => !titleFirst(c.text));
    const shared = count >= 2 && count >= against * 2 && plain.length > 0 && recap();
    for (const c of found)
      if (shared || (c.first!.strong && !titleFirst(c.text))) phrases.set(c.index, c.first!.phrase);
    if (shared) for (const [c, first] of short) phrases.set(c.index, first.phrase);
  }
  return phrases;
}
