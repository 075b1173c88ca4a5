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

/** An ASCII word as a number, five bits per letter whatever its case: exact up to ten letters. */
const letterCode = (code: number) => (code | 0x20) - 0x60;

/** Stop words by that number, when all of them are short ASCII words (null otherwise). */
const LANGUAGES_BY_CODE = [...LANGUAGES_OF.keys()].every((w) => /^[a-z]{1,10}$/.test(w))
  ? new Map(
      [...LANGUAGES_OF].map(([w, l]) => [
        [...w].reduce((k, c) => k * 32 + letterCode(c.charCodeAt(0)), 0),
        l,
      ]),
    )
  : null;

/**
 * `countByWord` without lower-casing the text or cutting words out of it: a run of ASCII
 * letters is looked up by its number. Null, for the slow path, where a character lower-cases
 * into ASCII ("İ", the Kelvin sign): only those change which runs are ASCII words.
 */
function countByCode(text: string): Counts | null {
  if (!LANGUAGES_BY_CODE) return null;
  const counts: Counts = new Map();
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
    if (ascii && end - i <= MAX_STOP_WORD) countLanguages(counts, LANGUAGES_BY_CODE.get(key));
    i = end;
  }
  return counts;
}

/** How many stop words of each language `text` holds, in order of first appearance. */
export function countStopWords(text: string): Map<string, number> {
  return countByCode(text) ?? countByWord(text);
}
