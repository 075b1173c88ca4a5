/** Tells headings that organise a post (days, breaks, intro, "Lightning") from talk headings. */

// `.*?感想` is lazy: headings that match no name scan forward once instead of backtracking from the end.
const NON_TALK =
  /^(?:\W*)(?:the\s+|en\s+|in\s+|pour\s+)?(?:intro(?:duction)?|conclusions?|conclure|to conclude|closing words|final words|wrapping up|summary|sum up|wrap[- ]?up|recap|overview|tl;?dr|break|coffee|lunch|dinner|buffet|pause|café|déjeuner|ravitaillement|after[- ]?party|party|thanks?|thank you|merci|remerciements|acknowledg\w*|about|references|resources|links|liens|videos?|photos?|slides|misc\w*|other(?: things| talks| sessions)?|autres?(?: sujets)?|final thoughts|closing thoughts|ps|p\.s\.|update|edit|agenda|schedule|programme|program|day (?:\d+|one|two|three|four)|jour\s*\w*|first day|second day|le matin|matin|l[’']après-midi|après-midi|morning|afternoon|evening|soir(?:ée)?|talks|sessions|conférences|keynotes?|lightning(?: talks)?|hallway(?: track)?|table of contents|contents|sommaire|back to .*|retour en haut|top|致谢|总结|视频|其它|其他|.*?感想|大会背景.*)(?:\W*)$/iu;

// The two forms found anywhere in the heading come last, after a lazy `.*?`, and `(?<!\w)` stands
// for `\b` before "jour": the same matches, without backtracking from the end for each alternative.
const CONTAINER =
  /^(?:\W*)(?:day (?:\d+|one|two|three|four)|(?:first|second|third) day|jour\s*\w*|le matin|matin|l[’']après-midi|après-midi|morning|afternoon|talks|sessions|conférences|keynotes|lightning(?: talks)?|第.天|上午|下午|.*?(?:(?<!\w)jour\s+[ivx\d]+|session.*))(?:\W*)$/iu;

const NOT_ATTENDED =
  /missed|did(?:n['’]t| not) (?:attend|see|go)|not attended|could(?:n['’]t| not) attend|watch(?:ing)? (?:the )?videos?|to watch|manqué|pas pu (?:voir|assister)|错过/i;

// Dates and parentheses are removed only from the headings that have a "/" or a "(".
export function isNonTalkHeading(text: string): boolean {
  if (text.length >= 60) return false;
  const plain =
    text.includes('/') || text.includes('(')
      ? text.replace(/\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\(\s*\)/g, '')
      : text;
  return NON_TALK.test(plain.trim());
}

export function isContainerHeading(text: string): boolean {
  if (text.length >= 60) return false;
  return CONTAINER.test((text.includes('(') ? text.replace(/\(.*?\)/g, '') : text).trim());
}

export function isNotAttendedHeading(text: string): boolean {
  return NOT_ATTENDED.test(text);
}

const NOT_SEEN =
  /\b(?:have(?:n['’]t| not) (?:yet )?(?:watched|seen)|not (?:yet )?(?:watched|seen)|did(?:n['’]t| not) (?:see|attend|watch)|missed)\b|pas encore (?:eu le temps de )?(?:regard|vu)|pas pu (?:voir|assister)|manqué/i;

/** "I haven't watched X yet": a sentence that mentions a talk its author did not see. */
export function saysNotSeen(text: string): boolean {
  return NOT_SEEN.test(text);
}

const RECAP =
  /\b(?:recap|notes?|review|report|summary|aftermath|takeaways|highlights|impressions|retours?|compte[- ]rendu|bilan|rückblick)\b|回顾|总结|(?:^|\D)(?:19|20)\d\d(?:\D|$)/iu;

/** "Notes from X 2021", "Retour sur Y": how posts title themselves. */
export function isRecapTitle(text: string): boolean {
  return RECAP.test(text);
}

/** "Keynote", "Opening keynote": a session named by its kind only. */
export function isBareKind(text: string): boolean {
  return /^\W*(?:(?:opening|closing|ending|morning|final)\s+)?(?:keynote|workshop|panel)\W*$/i.test(text);
}

/** Words that say a post is about talks, in the languages we read. */
const TALK_WORDS =
  /\b(?:talks?|keynotes?|sessions?|speakers?|presentations?|presented|conf(?:erences?)?|lightning|workshops?|panels?|slides|tracks?|meetups?|summit|vortr[aä]ge?|konferenz|conférences?|présentations?|intervenants?|orateurs?|oratrices?)\b|演讲|分享|讲师|嘉宾|大会|议题|峰会/iu;

/**
 * Whether a post reads as a recap of talks: its title names an edition (a year) or its text
 * speaks of talks. Shapes that only repetition supports ("Jane Doe: Why work here?" headings)
 * are read as talks in such posts only.
 */
export function readsAsRecap(title: string, texts: Iterable<string>): boolean {
  if (/\b(?:19|20)\d\d\b/.test(title) || TALK_WORDS.test(title)) return true;
  for (const text of texts) if (TALK_WORDS.test(text)) return true;
  return false;
}
