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

interface Hit {
  topic: string;
  start: number;
  /** How much one occurrence says about the talk. */
  weight: number;
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

function findHits(text: string): Hit[] {
  return compiledVocabulary()
    .matcher.find(text)
    .filter((hit) => !(hit.value.wordLike && atSentenceStart(text, hit.start)))
    .map((hit) => ({ topic: hit.value.topic.name, start: hit.start, weight: weightOf(hit.text) }));
}

function isVocabulary(token: string): boolean {
  return compiledVocabulary()
    .matcher.find(token)
    .some((hit) => hit.text.length === token.length);
}

const CAMEL_JOIN = /[a-z][A-Z]/;

/** CamelCase product names a talk repeats at least three times ("SkyWalking", "DragonflyDB"). */
function salientUnknown(text: string): Hit[] {
  // Every such name has a lower-case letter followed by a capital: most texts have none.
  if (!CAMEL_JOIN.test(text)) return [];
  const counts = new Map<string, Hit[]>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[A-Z][a-z]+(?:[A-Z][a-z]*)+(?![\p{L}\p{N}])/gu)) {
    if (NOT_TOPICS.has(m[0])) continue;
    counts.set(m[0], [...(counts.get(m[0]) ?? []), { topic: m[0], start: m.index, weight: 1 }]);
  }
  return [...counts]
    .filter(([token, hits]) => hits.length >= 3 && !isVocabulary(token))
    .flatMap(([, hits]) => hits);
}

/** Canonical topic names found in `text`, most salient first, then earliest; at most eight. */
export function matchTopics(text: string): string[] {
  const stats = new Map<string, { score: number; first: number }>();
  for (const hit of [...findHits(text), ...salientUnknown(text)]) {
    const entry = stats.get(hit.topic) ?? { score: 0, first: hit.start };
    entry.score += hit.weight;
    stats.set(hit.topic, entry);
  }
  return [...stats]
    .sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first)
    .slice(0, MAX_TOPICS)
    .map(([name]) => name);
}
