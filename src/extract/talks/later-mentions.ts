/**
 * Talks named in passing past a paragraph's opening sentence: "The morning started with coffee.
 * Later, Jane Doe presented the history of curl." Each later sentence is read as the opening one
 * is (mentions.ts): a person who opens it and a verb that says they gave a talk, or a phrase that
 * says "talk by", never a name alone. Most sentences are ruled out by two plain scans (a verb or
 * talk word, then a capitalised word pair or a Han title mark) before any pattern runs.
 */
import type { TextBlock } from './blocks.ts';
import { saysNotSeen } from './classify.ts';
import type { Mention } from './mentions.ts';

/** A capitalised word pair, where a person's name is ("Jane Doe", "Ana de Souza", "Émilie Roux"). */
const WORD_PAIR =
  /[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’-]+\s+(?:(?:de|van|von|der|le|la|du|da)\s+)?[A-Z\u00c0-\u00de]/g;
/** Words one of the readings of a Latin name needs; lower case only, as they are written mid-sentence. */
const TALK_CUE =
  /gave|present|deliver|talk|spoke|demo|showed|explained|walked us|discussed|keynote|lecture|workshop|session|kicked off|listen|ed with |parlé|animé|conférence|intervention|的/g;
/** What the Chinese readings need: a title in 《》 or a speaker label. */
const HAN_CUE = /《|讲师|嘉宾|讲者/g;
/** A sentence ends at ".", "!" or "?" before a space (which it keeps), or at "。！？". */
const SENTENCE_END = /[.!?](?=\s)|[。！？]/g;
/** "As Jane Doe explained, …", "Like Jane Doe said": the words of a talk already told. */
const RECALLS = /^(?:as|like|according to|comme|selon)\s/i;

/** Whether `pattern` (global) matches `text` at or after `from`. */
function foundFrom(pattern: RegExp, text: string, from: number): boolean {
  pattern.lastIndex = from;
  return pattern.test(text);
}

/** Whether the text from `from` on may hold a talk named in passing: the cheap tests, in order. */
function mayName(text: string, from: number): boolean {
  return (
    (foundFrom(WORD_PAIR, text, from) && foundFrom(TALK_CUE, text, from)) || foundFrom(HAN_CUE, text, from)
  );
}

/** Where each sentence after the first starts and ends, in order. */
function laterSentences(text: string, first: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = first;
  SENTENCE_END.lastIndex = first;
  for (let end = SENTENCE_END.exec(text); end; end = SENTENCE_END.exec(text)) {
    spans.push([from, end.index + 1]);
    from = end.index + 1;
  }
  if (from < text.length) spans.push([from, text.length]);
  return spans;
}

/**
 * The first talk a later sentence of the paragraph names, for a paragraph whose opening sentence
 * names none. `read` is the reading of one sentence (mentions.ts), a person opening it on its own.
 */
export function laterMention(block: TextBlock, read: (sentence: string) => Mention | null): Mention | null {
  const text = block.text;
  SENTENCE_END.lastIndex = 0;
  const first = SENTENCE_END.exec(text);
  // A paragraph of one sentence has been read already; most others name no one near a talk word.
  if (!first || !mayName(text, first.index + 1)) return null;
  for (const [from, to] of laterSentences(text, first.index + 1)) {
    const sentence = text.slice(from, to).trim();
    if (sentence.length < 10 || RECALLS.test(sentence) || !mayName(sentence, 0)) continue;
    const mention = read(sentence);
    if (mention && !saysNotSeen(sentence)) return withQuotedTitle(mention, sentence);
  }
  return null;
}

const QUOTED = /[“"«]\s*([^“”"«»]{4,120}?)\s*[”"»]/;
const SAYS = /\b(?:said|says|saying|told|asked|joked|quipped|noted|reminded|tweeted|wrote)\b|[:]/;

/**
 * "Jane Doe gave a talk about "Knots in ten minutes"": a quoted title close after the person
 * names the talk; a quote after "said" is their words, not a title.
 */
function withQuotedTitle(mention: Mention, sentence: string): Mention {
  const name = mention.speakers[0]?.name;
  if (mention.title !== null || !name) return mention;
  const after = sentence.indexOf(name);
  if (after < 0) return mention;
  const rest = sentence.slice(after + name.length);
  const quoted = QUOTED.exec(rest);
  if (!quoted) return mention;
  const between = rest.slice(0, quoted.index);
  if (between.split(/\s+/).length > 8 || SAYS.test(between)) return mention;
  return { ...mention, title: quoted[1]!.trim() };
}
