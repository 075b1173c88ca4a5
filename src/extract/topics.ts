/**
 * Finds vocabulary topics (data/topics.json) in a talk's text and returns their canonical
 * names, most salient first. Matching is on word boundaries that only Latin letters and digits
 * break, so "基于Kubernetes的" still names Kubernetes; ambiguous words ("Go", "Rust", "Java")
 * are matched case-sensitively and not at the start of a sentence, where any word is capitalised.
 */
import { createRequire } from 'node:module';
import { type PhraseMatcher, phraseMatcher } from './phrases.ts';

export interface TopicEntry {
  /** Canonical name, "Kubernetes". */
  name: string;
  aliases: string[];
  /** For names that are also ordinary words: only the exact spelling counts. */
  caseSensitive?: boolean;
}

interface TopicHit {
  topic: TopicEntry;
  /** A capitalised ordinary word ("Go"): it does not count at the start of a sentence. */
  wordLike: boolean;
}

interface Compiled {
  vocabulary: TopicEntry[];
  matcher: PhraseMatcher<TopicHit>;
}

export const MAX_TOPICS = 8;
/** Product-like tokens that are not topics even when a talk repeats them. */
const NOT_TOPICS = new Set(
  'YouTube LinkedIn PowerPoint SlideShare SpeakerDeck McDonald MacBook iPhone iPad WiFi FaceTime WhatsApp'.split(
    ' ',
  ),
);

// Compiled on first use and then reused; the result depends only on the data file.
let compiled: Compiled | null = null;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of an alias may be joined by a space, a hyphen or nothing: "service-mesh", "Service Mesh". */
function pattern(alias: string, strict: boolean): string {
  const body = alias
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]?');
  const plural = !strict && /[a-z]$/i.test(alias) && alias.length >= 4 ? '(?:e?s)?' : '';
  // A lone letter ("C") is a language only when no apostrophe or hyphen follows: not "C'est", "C-level".
  const lone = alias.length === 1 ? "(?!['’-])" : '';
  return body + plural + lone;
}

/** Acronyms ("AI", "CI") and one- or two-letter names only count in their exact spelling. */
function isStrict(topic: TopicEntry, alias: string): boolean {
  return (
    topic.caseSensitive === true || alias.length <= 2 || /^[A-Z0-9.+#/&-]*[A-Z][A-Z0-9.+#/&-]*$/.test(alias)
  );
}

function compile(vocabulary: TopicEntry[]): Compiled {
  const phrases = vocabulary.flatMap((topic) =>
    [topic.name, ...topic.aliases].map((alias) => {
      const strict = isStrict(topic, alias);
      const wordLike = topic.caseSensitive === true && /^[A-Z][a-z]{1,2}$/.test(alias);
      return {
        phrase: alias,
        pattern: pattern(alias, strict),
        caseSensitive: strict,
        value: { topic, wordLike },
      };
    }),
  );
  return { vocabulary, matcher: phraseMatcher(phrases) };
}

function compiledVocabulary(): Compiled {
  if (!compiled) {
    const require = createRequire(import.meta.url);
    compiled = compile(require('../../data/topics.json') as TopicEntry[]);
  }
  return compiled;
}

/** The topic vocabulary: canonical names and aliases, read on first use. */
export function loadTopicVocabulary(): readonly TopicEntry[] {
  return compiledVocabulary().vocabulary;
}

function atSentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?:]\s+|\n\s*|^\s*[-*•]\s*)$/.test(text.slice(Math.max(0, index - 4), index));
}

/**
 * A name capitalised mid-sentence ("Envoy", "etcd" aside) is a deliberate reference to a
 * product; a lower-case concept word ("storage", "testing") is often said in passing.
 */
function weightOf(text: string): number {
  // A loop over char codes: two regexes per hit cost more than the hit itself.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return 1;
  }
  return 0.7;
}

interface Stat {
  name: string;
  score: number;
  first: number;
}

type Stats = Map<string, Stat>;

function count(stats: Stats, topic: string, start: number, weight: number): void {
  const entry = stats.get(topic);
  if (entry) entry.score += weight;
  else stats.set(topic, { name: topic, score: weight, first: start });
}

/** Vocabulary hits, counted straight into `stats`: no intermediate arrays. */
function countHits(text: string, stats: Stats): void {
  for (const hit of compiledVocabulary().matcher.find(text)) {
    if (hit.value.wordLike && atSentenceStart(text, hit.start)) continue;
    count(stats, hit.value.topic.name, hit.start, weightOf(hit.text));
  }
}

/** Whether the whole text is a vocabulary name or alias ("Red Hat", "k8s"). */
export function isVocabulary(token: string): boolean {
  return compiledVocabulary()
    .matcher.find(token)
    .some((hit) => hit.text.length === token.length);
}

const CAMEL_JOIN = /[a-z][A-Z]/g;
const CAMEL_WORD = /(?<![\p{L}\p{N}])[A-Z][a-z]+(?:[A-Z][a-z]*)+(?![\p{L}\p{N}])/uy;

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/**
 * The matches of CAMEL_WORD in `text`, in order. Each is a whole word of ASCII letters holding a
 * lower-case letter before a capital, so the word is tried only where such a pair is: a scan
 * for the pair is several times cheaper than running the Unicode pattern at every position.
 */
function camelWords(text: string): { word: string; start: number }[] {
  const found: { word: string; start: number }[] = [];
  CAMEL_JOIN.lastIndex = 0;
  // `test` moves `lastIndex` past the pair without allocating a match array as `exec` does.
  while (CAMEL_JOIN.test(text)) {
    const join = CAMEL_JOIN.lastIndex - 2;
    let start = join;
    while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
    CAMEL_WORD.lastIndex = start;
    const word = CAMEL_WORD.exec(text)?.[0];
    if (word) found.push({ word, start });
    // The rest of this run of letters holds no other word start.
    let end = join + 2;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    CAMEL_JOIN.lastIndex = end;
  }
  return found;
}

/** CamelCase product names a talk repeats at least three times ("SkyWalking", "DragonflyDB"). */
function countSalientUnknown(text: string, stats: Stats): void {
  const words = camelWords(text);
  // A token counts from three uses on: most texts have fewer CamelCase words in all.
  if (words.length < 3) return;
  const starts = new Map<string, number[]>();
  for (const { word, start } of words) {
    if (NOT_TOPICS.has(word)) continue;
    const known = starts.get(word);
    if (known) known.push(start);
    else starts.set(word, [start]);
  }
  for (const [token, at] of starts) {
    if (at.length < 3 || isVocabulary(token)) continue;
    for (const start of at) count(stats, token, start, 1);
  }
}

/** Canonical topic names found in `text`, most salient first, then earliest; at most eight. */
export function matchTopics(text: string): string[] {
  const stats: Stats = new Map();
  countHits(text, stats);
  countSalientUnknown(text, stats);
  // Ranked by the stats themselves, which hold their names: no [name, stat] pair per entry.
  return [...stats.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, MAX_TOPICS)
    .map((stat) => stat.name);
}
