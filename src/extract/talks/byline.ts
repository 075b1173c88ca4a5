/**
 * Finds the speakers of a talk section in the lines right under its heading: a speaker line
 * ("Name - @handle - Company", "*Name* - Inria"), a "Présenté par" / "讲师：" label, a name with
 * its handle in the first sentence ("Jane Doe (@jdoe) talked about…"), or a Chinese name + bio.
 */
import type { ExtractedSpeaker } from '../../model.ts';
import { handleOf, isNameLike, parseOneSpeaker, parseSpeakerList } from '../speakers.ts';
import type { TextBlock } from './blocks.ts';
import { leadingNames } from './patterns.ts';

const LABEL =
  /^(?:t[a]lk\s+)?(?:présenté(?:e|s)? par|presented by|speakers?|intervenants?|orateurs?|by|par|讲师|演讲者|分享嘉宾|嘉宾|讲者)\s*[:：]?\s*(.*)$/iu;
const HAN_BIO = /^([\p{Script=Han}]{2,4})(?:\s+|[，,（(])/u;
const PROSE_VERB =
  /^(?:,\s*(?:from|of|de|founder|co-?founder|cto|ceo|head|engineer|developer|who)|\s+(?:talked|spoke|gave|presented|opened|started|kicked|showed|explained|shared|introduced|demonstrated|walked|told|took|began|closed|was|is|had|did|delivered|described|discussed|argued|reminded|made|nous|a\s|est|présente)\b|['’]s\s+(?:keynote|talk|session|presentation|workshop|walkthrough|talked|lecture)\b)/i;

/** "Name - @handle - Company" and friends: a short line that starts with a person. */
export function speakerLine(line: string): ExtractedSpeaker[] {
  if (line.length > 160) return [];
  const whole = parseSpeakerList(line);
  if (whole.length) return whole;
  const head = line.split(/\s[-–—|]\s|,|\(|\s@/)[0]!.replace(/[*_]/g, '').trim();
  if (!isNameLike(head)) return [];
  const rest = line.slice(line.indexOf(head) + head.length);
  const affiliation = shortAffiliation(rest.replace(/\(?@\w+\)?/g, ''));
  const one = parseOneSpeaker(head);
  return one ? [{ ...one, handle: handleOf(line), affiliation }] : [];
}

/** ", from Lumen Systems, started the morning…" -> "Lumen Systems"; prose is no affiliation. */
function shortAffiliation(rest: string): string | null {
  const first = rest.replace(/^[\s,()–—|-]+/, '').split(/,|\s[-–—|]\s/)[0] ?? '';
  const clean = first.replace(/^(?:from|of|at|de|chez)\s+/i, '').replace(/[\s()]+$/g, '').trim();
  return clean && clean.length <= 60 && clean.split(' ').length <= 8 ? clean : null;
}

function labelled(blocks: readonly TextBlock[]): ExtractedSpeaker[] | null {
  for (const [b, block] of blocks.entries()) {
    for (const [i, line] of block.lines.entries()) {
      const match = line.match(LABEL);
      if (!match) continue;
      const rest = match[1]!.trim();
      const inline = rest ? speakerLine(stripBullet(rest)) : [];
      if (inline.length) return inline;
      const below = [...block.lines.slice(i + 1), ...blocks.slice(b + 1, b + 6).filter((x) => x.tag === 'li').map((x) => x.text)];
      const people = below.map((l) => speakerLine(stripBullet(l)));
      const named = people.slice(0, people.findIndex((p) => !p.length) >>> 0).flat();
      if (named.length) return named;
    }
  }
  return null;
}

const stripBullet = (line: string) => line.replace(/^[*•·+-]\s+/, '');

/** Someone named with a handle in the first sentence: "Jane Doe (@jdoe) talked about…". */
function handled(text: string): ExtractedSpeaker[] {
  const match = text.match(/((?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’.-]+)\s*\(?\s*(@\w+)\)?/u);
  if (!match) return [];
  const one = parseOneSpeaker(match[1]!.replace(/^(?:The|A|An|In|On|Then|Next|Finally)\s+/, ''));
  return one ? [{ ...one, handle: match[2]! }] : [];
}

/** "Jane Doe, from Acme, started the morning…", "Jane Doe (@jd) showed us…". */
export function proseSpeakers(text: string): ExtractedSpeaker[] {
  const { speakers, rest } = leadingNames(text);
  if (!speakers.length) return [];
  const handle = rest.match(/^\s*\(?\s*(@\w+)\s*\)?/);
  if (handle && speakers.length === 1) return [{ ...speakers[0]!, handle: handle[1]! }];
  return PROSE_VERB.test(rest) ? speakers : [];
}

/** The speakers named in the first blocks of a section, or [] when none is named there. */
export function findByline(blocks: readonly TextBlock[]): ExtractedSpeaker[] {
  const first = blocks.slice(0, 3);
  const label = labelled(blocks);
  if (label) return label;
  for (const block of first) {
    for (const line of block.lines.slice(0, 3)) {
      const fromLine = speakerLine(line);
      if (fromLine.length) return fromLine;
    }
  }
  const han = first[0]?.text.match(HAN_BIO);
  if (han && isNameLike(han[1]!)) {
    const names = first.map((b) => b.text.match(HAN_BIO)?.[1]).filter((n): n is string => !!n);
    return names.map((name) => ({ name, handle: null, affiliation: null }));
  }
  for (const block of first.slice(0, 2)) {
    const fromProse = proseSpeakers(block.text);
    if (fromProse.length) return fromProse;
  }
  for (const block of blocks.slice(0, 5)) {
    for (const sentence of block.lines.flatMap((l) => l.split(/(?<=[.!?])\s/))) {
      const fromHandle = handled(sentence);
      if (fromHandle.length) return fromHandle;
    }
  }
  return [];
}
