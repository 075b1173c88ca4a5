/**
 * Language of a post: a declared `lang` when the text does not clearly contradict it, else a
 * guess from the text (share of CJK characters, then stop-word counts).
 */

const STOP_WORDS: Record<string, Set<string>> = {
  en: new Set('the and is of to in that for with on was this it are be at by from have not'.split(' ')),
  fr: new Set(
    'le la les des est une et dans pour que qui pas sur avec du au ce cette je nous sont aux'.split(' '),
  ),
  de: new Set('der die das und ist nicht mit ein eine ich zu auf den dem von sich auch wir'.split(' ')),
  es: new Set('el los las del que es una por con para como pero sus al se lo'.split(' ')),
};

const MIN_EVIDENCE = 8;

/** "fr-FR" -> "fr". */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

function cjkLanguage(text: string): string | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  if ((han + kana + hangul) / letters < 0.2) return null;
  if (hangul > han + kana) return 'ko';
  return kana > (han + kana) * 0.1 ? 'ja' : 'zh';
}

/** The language the text is written in, with how many stop words back the guess. */
export function detectLanguage(text: string): { language: string | null; evidence: number; share: number } {
  const cjk = cjkLanguage(text);
  if (cjk) return { language: cjk, evidence: Number.POSITIVE_INFINITY, share: 1 };
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    for (const [language, words] of Object.entries(STOP_WORDS))
      if (words.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
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
