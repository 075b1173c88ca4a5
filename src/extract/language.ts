/**
 * Language of a post: a declared `lang` when the text does not clearly contradict it, else a
 * guess from the text (share of CJK characters, then stop-word counts).
 */

import { countStopWords } from './stop-words.ts';

const MIN_EVIDENCE = 8;

/** "fr-FR" -> "fr". */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

type Script = 'han' | 'kana' | 'hangul';

/** The CJK script of a UTF-16 code unit (surrogates count as Han: its rare extensions live there). */
function scriptOf(code: number): Script | null {
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'han';
  if ((code >= 0x2e80 && code <= 0x2fdf) || (code >= 0xf900 && code <= 0xfaff)) return 'han';
  if (code === 0x3005 || code === 0x3007 || (code >= 0xd840 && code <= 0xd87f)) return 'han';
  if ((code >= 0x3041 && code <= 0x30ff && code !== 0x30fb) || (code >= 0x31f0 && code <= 0x31ff))
    return 'kana';
  if (
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3131 && code <= 0x318e)
  )
    return 'hangul';
  return null;
}

const OTHER_LETTER = /\p{L}/u;

/** Letter and CJK script counts of a text, in one pass over its code units without allocating. */
function scriptCounts(text: string): { letters: number; han: number; kana: number; hangul: number } {
  const counts = { letters: 0, han: 0, kana: 0, hangul: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) counts.letters++;
      continue;
    }
    const script = scriptOf(code);
    if (script) {
      counts.letters++;
      counts[script]++;
      // A surrogate pair is one character.
      if (code >= 0xd800 && code <= 0xdbff) i++;
    } else if (OTHER_LETTER.test(text[i] ?? '')) counts.letters++;
  }
  return counts;
}

/** Every code unit `scriptOf` gives a script: a text with none has no CJK share to count. */
const ANY_SCRIPT =
  /[\u1100-\u11ff\u2e80-\u2fdf\u3005\u3007\u3041-\u30ff\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\ud840-\ud87f\uf900-\ufaff]/;

function cjkLanguage(text: string): string | null {
  // One native scan settles most texts, for a fraction of the counting loop's cost.
  if (!ANY_SCRIPT.test(text)) return null;
  const { letters, han, kana, hangul } = scriptCounts(text);
  if (letters === 0) return null;
  if ((han + kana + hangul) / letters < 0.2) return null;
  if (hangul > han + kana) return 'ko';
  return kana > (han + kana) * 0.1 ? 'ja' : 'zh';
}
/**
 * A long post says its language in any part of it: a head and a middle slice are read, so the
 * cost stays flat however long the post is.
 */
export const SAMPLE_CHARS = 6_000;

function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const half = SAMPLE_CHARS / 2;
  const middle = Math.floor(text.length / 2);
  // Joined into one flat string: the counting loop reads a concatenation's characters far slower.
  return [text.slice(0, half), text.slice(middle, middle + half)].join(' ');
}
/** The language the text is written in, with how many stop words back the guess. */
export function detectLanguage(text: string): { language: string | null; evidence: number; share: number } {
  const sampled = sample(text);
  const cjk = cjkLanguage(sampled);
  if (cjk) return { language: cjk, evidence: Number.POSITIVE_INFINITY, share: 1 };
  const counts = countStopWords(sampled);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 5) return { language: null, evidence: 0, share: 0 };
  // Evidence is the margin over the runner-up: a bilingual page gives little.
  const total = ranked.reduce((sum, [, n]) => sum + n, 0);
  return { language: first[0], evidence: first[1] - (second?.[1] ?? 0), share: first[1] / total };
}

export function resolveLanguage(declared: string | null, text: string): string | null {
  const detected = detectLanguage(text);
  if (!declared) return detected.language;
  // Themes often declare one language for every post; a clear majority in the text wins.
  const clear = detected.evidence >= MIN_EVIDENCE && detected.share >= 0.7;
  if (detected.language && detected.language !== declared && clear) return detected.language;
  return declared;
}
