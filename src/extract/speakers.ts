/**
 * Reads speakers from the short phrases recaps use: "Name - @handle - Company", "Name (@handle)",
 * "Name, Company", "*Name* - Inria", co-speakers joined by "and", "&", "et", "和" or "、".
 */
import type { ExtractedSpeaker } from '../model.ts';

const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'dos', 'le', 'la', 'al', 'bin', 'y', 'st.']);

/** Capitalised words that start titles or name things, never people. */
const NOT_NAME_WORDS = new Set(
  (
    'the a an how why what when where who which is are was be do does my our your their this that these those ' +
    'of in on for with to from at by into about and or not no vs day jour talk talks keynote keynotes lightning ' +
    'session sessions workshop panel intro introduction conclusion summary break lunch dinner coffee party ' +
    'opening closing thanks merci welcome other others more final notes part chapter step first second third ' +
    'data service services cloud web java javascript kubernetes docker open source api apis microservices ' +
    'scale scaling security performance testing design product strategy architecture code programming ' +
    'distributed systems system app apps mobile native reactive functional devops ops platform network ' +
    'google amazon microsoft apple facebook twitter slides video videos links resources update news ' +
    'les un une et pour avec sur dans bravo kudos congrats retour retours conférence atelier pause buffet café ' +
    'getting building using making running learning software engineering search forms plans domination extending doing fulltext gateway world ' +
    'morning afternoon evening matin après-midi soir track room hall main stage success failures live'
  ).split(' '),
);

/** Shapes of product and jargon words: "IoT", "GitHub", "PHP", "Decentralized", "Streaming". */
const TECHY = /^(?!Mc|Mac|De|Di|La|Le|Van|O['’])[\p{Lu}]?[\p{Ll}]+[\p{Lu}]|^[\p{Lu}]{3}$|(?:tion|ized|ised|ness|ment|ics|ility|ware|ency|ism|ogy|ship)s?$|\d/u;
const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|[\p{Lu}]\.)$/u;
const HAN_NAME = /^[\p{Script=Han}·]{2,4}$/u;
const HANDLE = /@([A-Za-z0-9_]{1,30})\b/;

export function isNameLike(text: string): boolean {
  const trimmed = text.trim();
  if (HAN_NAME.test(trimmed)) return true;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  let capitalised = 0;
  for (const word of words) {
    if (PARTICLES.has(word)) continue;
    if (!NAME_WORD.test(word) || NOT_NAME_WORDS.has(word.toLowerCase()) || TECHY.test(word)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

/** "Nicolas LEPAGE" -> "Nicolas Lepage"; names written normally are kept as they are. */
export function normaliseName(name: string): string {
  const clean = name.replace(/[*_“”"]/g, '').replace(/\s+/g, ' ').trim();
  return clean.replace(/\p{Lu}{2,}(?:-\p{Lu}{2,})*/gu, (word) =>
    word.toLowerCase().replace(/(^|-)(\p{Ll})/gu, (_, dash: string, c: string) => dash + c.toUpperCase()),
  );
}

const JOINERS = /\s*(?:\s(?:and|&|et|und|y)\s|和|、|\s&\s)\s*/iu;

function speaker(name: string, handle: string | null, affiliation: string | null): ExtractedSpeaker {
  return { name: normaliseName(name), handle, affiliation: affiliation?.trim() || null };
}

/** One person: "Name", "Name (@h)", "Name @h", "Name (Company)", "Name, Company", "Name - Company". */
export function parseOneSpeaker(text: string): ExtractedSpeaker | null {
  let rest = text.replace(/[*_]/g, '').trim();
  const handle = rest.match(HANDLE)?.[0] ?? null;
  rest = rest
    .replace(/\(?\s*@[A-Za-z0-9_]+\s*\)?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const match = rest.match(/^([^,(–—-]+?)\s*(?:[,(–—]|\s-\s|\s-$|$)\s*(.*?)\)?$/u);
  if (!match) return null;
  const name = match[1]!.trim();
  if (!isNameLike(name)) return null;
  const affiliation = match[2]?.replace(/^[-–—,\s]+|[-–—,\s]+$/g, '') || null;
  return speaker(name, handle, affiliation);
}

/** Several people: co-speakers joined by "and", "&", "et", "和", "、" or commas between names. */
export function parseSpeakerList(text: string): ExtractedSpeaker[] {
  const cleaned = text
    .replace(/[*_]/g, '')
    .replace(/[.;!]+$/, '')
    .trim();
  if (!cleaned) return [];
  // "Ana Lee, Bo Chen et Cy Dorn": commas separate people when every part is a name.
  const commaParts = cleaned.split(/\s*,\s*|\s+(?:and|&|et|und)\s+|和|、/);
  // Without any "and", "Jane Doe, Nebula Labs" is a person and a company.
  const joined = commaParts.length > 2 || /\s(?:and|&|et|und)\s|和|、/.test(cleaned);
  if (commaParts.length > 1 && joined) {
    const people = commaParts.map((part) => parseOneSpeaker(part));
    const named = people.filter((s): s is ExtractedSpeaker => s !== null && !s.affiliation);
    if (named.length === commaParts.length) return named;
  }
  const speakers = cleaned
    .split(JOINERS)
    .filter(Boolean)
    .map((part) => parseOneSpeaker(part));
  return speakers.every((s): s is ExtractedSpeaker => s !== null) ? speakers : [];
}

export function handleOf(text: string): string | null {
  return text.match(HANDLE)?.[0] ?? null;
}
