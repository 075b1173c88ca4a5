/**
 * Reads speakers from the short phrases recaps use: "Name - @handle - Company", "Name (@handle)",
 * "Name, Company", "*Name* - Inria", co-speakers joined by "and", "&", "et", "和" or "、".
 */
import type { ExtractedSpeaker } from '../model.ts';
import { isVocabulary } from './topics.ts';

const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'dos',
  'le',
  'la',
  'al',
  'bin',
  'y',
  'st.',
]);

/** Capitalised words that start titles or name things, never people. */
const NOT_NAME_WORDS = new Set(
  (
    'go rust the a an as how why what when where who which is are was be do does my our your their this that these those ' +
    'of in on for with to from at by into about and or not no vs day jour talk talks keynote keynotes lightning ' +
    'session sessions workshop panel intro introduction conclusion summary break lunch dinner coffee party ' +
    'opening closing thanks merci welcome other others more final notes part chapter step first second third ' +
    'data service services cloud web java javascript kubernetes docker open source api apis microservices ' +
    'scale scaling security performance testing design product strategy architecture code programming ' +
    'distributed systems system app apps mobile native reactive functional devops ops platform network ' +
    'google amazon microsoft apple facebook twitter slides video videos links resources update news ' +
    'les un une et pour avec sur dans bravo kudos congrats retour retours conférence atelier pause buffet café ' +
    'blog post posts labs inc ltd gmbh corp corporation technologies solutions consulting group studio ' +
    'studios foundation university institute database databases automatic fully real life time future modern ' +
    'simple easy fast deep dive journey guide story lessons tips tricks patterns beyond inside without ' +
    'getting building using making running learning software engineering search forms plans domination extending doing fulltext gateway world ' +
    'morning afternoon evening matin après-midi soir track room hall main stage success failures live'
  ).split(' '),
);

/** Shapes of product and jargon words: "IoT", "GitHub", "PHP", "Decentralized", "Streaming". */
const TECHY =
  /^(?!Mc|Mac|De|Di|La|Le|Van|O['’])[\p{Lu}]?[\p{Ll}]+[\p{Lu}]|^[\p{Lu}]{3}$|(?:tion|ized|ised|ness|ment|ics|ility|ware|ency|ism|ogy|ship)s?$|\d/u;
const NAME_WORD = /^(?:[\p{Lu}][\p{L}'’.-]*|[\p{Lu}]\.)$/u;
const HAN_NAME = /^[\p{Script=Han}·]{2,4}$/u;
const HANDLE = /@([A-Za-z0-9_]{1,30})\b/;

/**
 * Answers remembered by text: the same candidate names come back from several readers of one
 * post (items, prose, bylines). Cleared when full, so memory stays bounded.
 */
const nameLike = new Map<string, boolean>();
const MAX_REMEMBERED = 20_000;

export function isNameLike(text: string): boolean {
  if (text.length > 60) return false;
  const known = nameLike.get(text);
  if (known !== undefined) return known;
  const answer = readsAsName(text);
  if (nameLike.size >= MAX_REMEMBERED) nameLike.clear();
  nameLike.set(text, answer);
  return answer;
}

function readsAsName(text: string): boolean {
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

/** What `normaliseName` would change: marks, odd or doubled spaces, spaces at an end, capitals in a row. */
const TO_NORMALISE = /[*_“”"]|\s{2}|[^\S ]|^ | $|\p{Lu}{2}/u;

/** "Nicolas LEPAGE" -> "Nicolas Lepage"; names written normally are kept as they are. */
export function normaliseName(name: string): string {
  // One test instead of four replaces: most names are written normally.
  return TO_NORMALISE.test(name) ? normalise(name) : name;
}

function normalise(name: string): string {
  const clean = name
    .replace(/[*_“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
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
  return text.length > 160 || !startsWithName(text) ? null : readOneSpeaker(text);
}

/** `parseOneSpeaker` for a text already known to start with a name. */
function readOneSpeaker(text: string): ExtractedSpeaker | null {
  // Marks and handles are looked for only where a cheap search finds "*", "_" or "@".
  const at = text.includes('@');
  const handle = at ? (text.match(HANDLE)?.[0] ?? null) : null;
  let rest = text.includes('*') || text.includes('_') ? text.replace(/[*_]/g, '') : text;
  if (at) rest = rest.replace(/\(?\s*@[A-Za-z0-9_]+\s*\)?/g, ' ');
  // Only runs and odd spaces: replacing each lone space by itself would copy every name.
  rest = rest.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  const cut = rest.search(/[,([–—，（]|\s-(?:\s|$)/);
  const name = (cut < 0 ? rest : rest.slice(0, cut)).trim();
  if (!isNameLike(name)) return null;
  // No tail, no company: affiliationOf('') gives none, after two regex runs.
  return speaker(name, handle, cut < 0 ? null : affiliationOf(rest.slice(cut)));
}

/**
 * What a talk left behind, as link texts name it: "slides", "video", "repo". Each word ends in a
 * plain letter, perhaps optional ("slides?"): phrase-forms.ts looks at that letter first.
 */
export const RESOURCE_WORDS =
  'slides?|vid[eé]os?|recording|transcript|pdf|youtube|vimeo|speakerdeck|slideshare|demo|code|repo|github|diapos?|replay';

/** Link texts that follow a speaker's name ("Jane Doe (slides, video)") and name no company. */
const RESOURCES = new RegExp(
  `^(?:(?:${RESOURCE_WORDS}|notes|blog(?: post)?|article|links?|support)(?:\\s*[,/&|]\\s*|\\s+(?:and|et)\\s+|$))+$`,
  'i',
);

/**
 * The company in what follows a name: "(Acme)" or "[Acme]" ends at its closing mark, so a sentence
 * after it ("(Acme). She showed…") is not read as part of it; resource links are none.
 */
function affiliationOf(tail: string): string | null {
  const paren = tail.match(/^\s*(?:[(（]([^()（）]+)[)）]|\[([^[\]]+)\])/);
  const text = paren ? (paren[1] ?? paren[2])!.trim() : tail.replace(/^[\s,(–—，（-]+|[\s,)–—）-]+$/g, '');
  return text && !RESOURCES.test(text) ? text : null;
}

const NAME_START =
  /^[\s*_“"(]*(?:[\p{Script=Han}]{2}|[\p{Lu}][\p{L}'’.-]*\s+[*_]?(?:(?:de|da|di|du|van|von|der|den|le|la|del|al|bin)\s+)*[\p{Lu}])/u;

/** A cheap first look: does the text open with something shaped like a person's name? */
export function startsWithName(text: string): boolean {
  return NAME_START.test(text);
}

/** What every separator of people below holds: a comma, "&", "和", "、", or a joining word. */
const MAY_SEPARATE = /[,&和、]|\s(?:and|et|und|y)\s/i;

/** Several people: co-speakers joined by "and", "&", "et", "和", "、" or commas between names. */
export function parseSpeakerList(text: string): ExtractedSpeaker[] {
  if (text.length > 300 || !startsWithName(text)) return [];
  const marked = text.includes('*') || text.includes('_');
  const cleaned = (marked ? text.replace(/[*_]/g, '') : text).replace(/[.;!]+$/, '').trim();
  if (!cleaned) return [];
  // One person, no separator: both regex splits below (slow in V8) would give the text back whole.
  // Cutting end marks and spaces keeps the name start found above, so it is not looked for again.
  if (!MAY_SEPARATE.test(cleaned)) {
    const one = marked ? parseOneSpeaker(cleaned) : cleaned.length > 160 ? null : readOneSpeaker(cleaned);
    return one ? [one] : [];
  }
  // "Ana Lee, Bo Chen et Cy Dorn": commas separate people when every part is a name.
  // "Jane Doe, Bo Li, & Cy Dorn"; "Jane Doe, Nebula Labs" is a person and her company.
  const commaParts = cleaned.split(/\s*,\s*(?:(?:and|&|et)\s+)?|\s+(?:and|&|et|und)\s+|和|、/);
  if (commaParts.length > 1) {
    const people = commaParts.map((part) => parseOneSpeaker(part));
    // "Jane Doe (Acme), Bo Li (Acme)": a company in parentheses keeps each part one person.
    // "Jane Doe, Red Hat": a company the vocabulary knows is no second person.
    const named = people.filter(
      (s, i): s is ExtractedSpeaker =>
        s !== null && (!s.affiliation || /[)）]$/.test(commaParts[i]!)) && !isVocabulary(s.name),
    );
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

/** The most common Chinese surnames, which open most speakers' names. */
const HAN_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';

/** Whether a Han name opens with a common surname: any two Han characters pass for a name. */
export function hasHanSurname(name: string): boolean {
  return HAN_SURNAMES.includes(name[0] ?? '');
}
