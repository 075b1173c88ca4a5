/**
 * Stop-word counts per language, the evidence language.ts weighs when it guesses a post's
 * language from its text.
 */

const STOP_WORDS: Record<string, Set<string>> = {
  en: new Set('the and is of to in that for with on was this it are be at by from have not'.split(' ')),
  fr: new Set(
    'le la les des est une et dans pour que qui pas sur avec du au ce cette je nous sont aux'.split(' '),
  ),
  de: new Set('der die das und ist nicht mit ein eine ich zu auf den dem von sich auch wir'.split(' ')),
  es: new Set('el los las del que es una por con para como pero sus al se lo'.split(' ')),
};

/** Stop word -> the languages it belongs to, built once from STOP_WORDS. */
const LANGUAGES_OF = new Map<string, string[]>();
for (const [language, words] of Object.entries(STOP_WORDS))
  for (const word of words) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), language]);

const OTHER_LETTER = /\p{L}/u;

/** The longest stop word: longer words are never looked up. */
const MAX_STOP_WORD = Math.max(...[...LANGUAGES_OF.keys()].map((w) => w.length));

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/** The length of the letter (`\p{L}`) at `i`, 0 when there is none: ASCII without a regex. */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiLetter(code) ? 1 : 0;
  const point = text.codePointAt(i) ?? code;
  const length = point > 0xffff ? 2 : 1;
  return OTHER_LETTER.test(text.slice(i, i + length)) ? length : 0;
}

/**
 * The runs of letters (`\p{L}+`) short enough to be stop words, in order. Slicing every word
 * out of a long text costs more than the lookups: longer runs are skipped without a copy.
 */
function shortWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const first = letterAt(text, i);
    if (!first) {
      // A pair that is no letter is skipped whole, as the regex steps by code points.
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    let end = i + first;
    for (let step = letterAt(text, end); step; step = letterAt(text, end)) end += step;
    if (end - i <= MAX_STOP_WORD) words.push(text.slice(i, end));
    i = end;
  }
  return words;
}

type Counts = Map<string, number>;

function countLanguages(counts: Counts, languages: readonly string[] | undefined): void {
  if (!languages) return;
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
}

/** Stop-word hits per language, from the lower-cased text's short words. */
function countByWord(text: string): Counts {
  const counts: Counts = new Map();
  for (const word of shortWords(text.toLowerCase())) countLanguages(counts, LANGUAGES_OF.get(word));
  return counts;
}

/** An ASCII word as a number, five bits per letter whatever its case: exact up to six letters. */
const letterCode = (code: number) => (code | 0x20) - 0x60;

/** The languages, in STOP_WORDS order: a word's languages are a bit mask over this list. */
const LANGUAGES = Object.keys(STOP_WORDS);

/** Slots of the stop-word table: a power of two, well above the number of stop words. */
const SLOT_BITS = 8;
const SLOTS = 1 << SLOT_BITS;
/** A multiplicative hash: the top bits of the product spread nearby word numbers apart. */
const slotOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - SLOT_BITS);

/**
 * Stop words by number in an open-addressed table (0 marks an empty slot: no word is 0), with
 * each one's language mask. Two typed-array reads per word cost far less than a Map lookup.
 * Null when the words do not fit (not short ASCII words, too many of them or of languages):
 * the slow path then counts every text.
 */
const BY_CODE =
  [...LANGUAGES_OF.keys()].every((w) => /^[a-z]{1,6}$/.test(w)) &&
  LANGUAGES_OF.size * 2 <= SLOTS &&
  LANGUAGES.length <= 31
    ? codeTable()
    : null;

function codeTable(): { keys: Int32Array; masks: Int32Array } {
  const keys = new Int32Array(SLOTS);
  const masks = new Int32Array(SLOTS);
  for (const [word, languages] of LANGUAGES_OF) {
    const key = [...word].reduce((k, c) => k * 32 + letterCode(c.charCodeAt(0)), 0);
    let slot = slotOf(key);
    while (keys[slot]) slot = (slot + 1) & (SLOTS - 1);
    keys[slot] = key;
    for (const language of languages) masks[slot]! |= 1 << LANGUAGES.indexOf(language);
  }
  return { keys, masks };
}

/** The language mask of the word numbered `key`, 0 for a word that is no stop word. */
function maskOf(table: { keys: Int32Array; masks: Int32Array }, key: number): number {
  for (let slot = slotOf(key); ; slot = (slot + 1) & (SLOTS - 1)) {
    const found = table.keys[slot]!;
    if (found === key) return table.masks[slot]!;
    if (found === 0) return 0;
  }
}

/** Hits per language index, and the indexes in the order they first appear. */
interface Tally {
  hits: Int32Array;
  order: number[];
}

function tally(into: Tally, mask: number): void {
  for (let language = 0; mask; language++, mask >>= 1)
    if (mask & 1 && into.hits[language]!++ === 0) into.order.push(language);
}

/**
 * `countByWord` without lower-casing the text or cutting words out of it: a run of ASCII
 * letters is looked up by its number. Null, for the slow path, where a character lower-cases
 * into ASCII ("İ", the Kelvin sign): only those change which runs are ASCII words.
 */
function countByCode(text: string): Counts | null {
  if (!BY_CODE) return null;
  const counts: Tally = { hits: new Int32Array(LANGUAGES.length), order: [] };
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    // Most characters between words are ASCII: stepped over without reading a code point.
    if (first < 0x80 && !isAsciiLetter(first)) {
      i++;
      continue;
    }
    let end = i;
    let key = 0;
    let ascii = true;
    // ASCII is tested inline: a call per character costs more than the test. Bounded by the
    // length: past it `charCodeAt` gives NaN, which would slow the whole loop down.
    while (end < length) {
      const code = text.charCodeAt(end);
      if (code < 0x80) {
        if (!isAsciiLetter(code)) break;
        if (end - i < MAX_STOP_WORD) key = key * 32 + letterCode(code);
        end++;
        continue;
      }
      if (code === 0x130 || code === 0x212a) return null;
      const step = letterAt(text, end);
      if (!step) break;
      ascii = false;
      end += step;
    }
    if (end === i) {
      // A pair that is no letter is skipped whole, as the regex steps by code points.
      i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      continue;
    }
    if (ascii && end - i <= MAX_STOP_WORD) tally(counts, maskOf(BY_CODE, key));
    i = end;
  }
  return new Map(counts.order.map((language) => [LANGUAGES[language]!, counts.hits[language]!]));
}

/** How many stop words of each language `text` holds, in order of first appearance. */
export function countStopWords(text: string): Map<string, number> {
  return countByCode(text) ?? countByWord(text);
}
