/**
 * A deterministic generated archive for the benchmarks: plain `Archive` data (src/model.ts) with
 * ~2000 conferences (2010-2025), 5000 speakers, 300 topics, titles of 6-10 words and notes of
 * 130-170 words drawn Zipf-style (s = 1.07) from a 20 000-word vocabulary. The same options always
 * give the same archive.
 *
 *   node --import tsx bench/generate.ts [--talks N] [--seed S] --posts DIR   writes one HTML post per conference
 *   node --import tsx bench/generate.ts [--talks N] [--seed S] --json FILE   writes the archive as JSON
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Archive, Conference, Speaker, Talk, TalkKind, Topic } from '../src/model.ts';
import { renderPosts } from './lib/posts.ts';
import { createRandom, createZipf, type Random } from './lib/random.ts';
import { isMain, report } from './lib/results.ts';
import { slugify } from './lib/slug.ts';
import {
  cities,
  commonWords,
  conferenceSeries,
  firstNames,
  lastNames,
  rankedVocabulary,
  techWords,
  topicNames,
} from './lib/vocabulary.ts';

export interface GenerateOptions {
  talks: number;
  seed: number;
  conferences: number;
  speakers: number;
  topics: number;
}

export const DEFAULT_GENERATE: GenerateOptions = {
  talks: 100_000,
  seed: 42,
  conferences: 2000,
  speakers: 5000,
  topics: 300,
};

const YEARS = { first: 2010, last: 2025 };
const VOCABULARY_SIZE = 20_000;
const KINDS: TalkKind[] = [
  'talk',
  'talk',
  'talk',
  'talk',
  'talk',
  'keynote',
  'lightning',
  'workshop',
  'panel',
];

function makeSpeakers(random: Random, count: number): Speaker[] {
  const names = new Set<string>();
  const firsts = firstNames();
  const lasts = lastNames();
  while (names.size < Math.min(count, firsts.length * lasts.length)) {
    names.add(`${random.pick(firsts)} ${random.pick(lasts)}`);
  }
  return [...names].map((name) => {
    const id = slugify(name);
    return { id, name, handles: [`@${id.replace(/-/g, '')}`], affiliations: [], aliases: [], talkIds: [] };
  });
}

function makeTopics(count: number): Topic[] {
  return topicNames()
    .slice(0, count)
    .map((name) => ({ id: slugify(name), name, aliases: [], talkIds: [] }));
}

/** Series x years; each series runs a random span of years so the count lands near `count`. */
function makeConferences(random: Random, count: number): Conference[] {
  const years = YEARS.last - YEARS.first + 1;
  const seriesCount = Math.ceil(count / years);
  const known = conferenceSeries();
  const places = cities();
  const series = new Map<string, string>();
  for (let i = 0; series.size < seriesCount; i++) {
    const name = i < known.length ? (known[i] as string) : `${random.pick(known)} ${random.pick(places)}`;
    series.set(slugify(name), name);
  }
  const conferences: Conference[] = [];
  for (const [seriesId, name] of series) {
    const city = random.pick(places);
    for (let year = YEARS.first; year <= YEARS.last && conferences.length < count; year++) {
      const date = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      conferences.push({ id: `${seriesId}-${year}`, name, year, city, series: seriesId, date, talkIds: [] });
    }
  }
  return conferences;
}

interface Words {
  draw(count: number): string[];
  /** Like draw, without the most common words (titles rarely read "of the to"). */
  drawRare(count: number): string[];
  tech: string[];
}

function makeWords(random: Random, seed: number): Words {
  const vocabulary = rankedVocabulary(VOCABULARY_SIZE, seed);
  const rank = createZipf(random, vocabulary.length, 1.07);
  const draw = (count: number) => Array.from({ length: count }, () => vocabulary[rank()] as string);
  const common = new Set(commonWords());
  const rare = (): string => {
    let word = vocabulary[rank()] as string;
    while (common.has(word)) word = vocabulary[rank()] as string;
    return word;
  };
  const drawRare = (count: number) => Array.from({ length: count }, rare);
  return { draw, drawRare, tech: techWords() };
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function makeTalk(random: Random, words: Words, conference: Conference, taken: Set<string>): Talk {
  const title = [capitalise(random.pick(words.tech)), ...words.drawRare(random.int(5, 9))].join(' ');
  let slug = slugify(title);
  for (let n = 2; taken.has(slug); n++) slug = `${slugify(title)}-${n}`;
  taken.add(slug);
  const notes = words.draw(random.int(130, 170));
  const text = `${capitalise(notes.join(' '))}.`;
  const id = `${conference.id}/${slug}`;
  const source = {
    post: `${conference.id}.html`,
    postTitle: `${conference.name} ${conference.year}`,
    url: null,
    anchor: slug,
    excerpt: text.slice(0, 200),
    text,
    date: conference.date,
  };
  return {
    id,
    conferenceId: conference.id,
    slug,
    title,
    titleDerived: false,
    speakerIds: [],
    topicIds: [],
    kind: random.pick(KINDS),
    summary: notes.slice(0, 30).join(' '),
    text,
    date: conference.date,
    sources: [source],
  };
}

export function generateArchive(overrides: Partial<GenerateOptions> = {}): Archive {
  const options = { ...DEFAULT_GENERATE, ...overrides };
  const random = createRandom(options.seed);
  const speakers = makeSpeakers(random, options.speakers);
  const topics = makeTopics(options.topics);
  const conferences = makeConferences(random, Math.min(options.conferences, Math.ceil(options.talks / 5)));
  const words = makeWords(random, options.seed);
  const slugsByConference = new Map<string, Set<string>>(conferences.map((c) => [c.id, new Set()]));
  const talks: Talk[] = [];
  for (let i = 0; i < options.talks; i++) {
    const conference = conferences[i % conferences.length] as Conference;
    const talk = makeTalk(random, words, conference, slugsByConference.get(conference.id) as Set<string>);
    for (const speaker of random.sample(speakers, random.next() < 0.8 ? 1 : 2)) {
      talk.speakerIds.push(speaker.id);
      speaker.talkIds.push(talk.id);
    }
    for (const topic of random.sample(topics, random.int(1, 3))) {
      talk.topicIds.push(topic.id);
      topic.talkIds.push(talk.id);
    }
    conference.talkIds.push(talk.id);
    talks.push(talk);
  }
  const posts = conferences.map((c) => ({
    path: `${c.id}.html`,
    title: `${c.name} ${c.year}`,
    date: c.date,
    url: null,
    language: 'en',
    talkIds: c.talkIds,
    warnings: [],
  }));
  return { conferences, talks, speakers, topics, posts };
}

/** Writes the archive as posts (one HTML file per conference) into `dir`; returns the file count. */
export function writePosts(archive: Archive, dir: string, seed = DEFAULT_GENERATE.seed): number {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  for (const post of renderPosts(archive, seed)) {
    writeFileSync(path.join(dir, post.path), post.html);
    count++;
  }
  return count;
}

if (isMain(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      talks: { type: 'string', default: String(DEFAULT_GENERATE.talks) },
      seed: { type: 'string', default: String(DEFAULT_GENERATE.seed) },
      posts: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const archive = generateArchive({ talks: Number(values.talks), seed: Number(values.seed) });
  if (values.posts)
    report(`wrote ${writePosts(archive, values.posts, Number(values.seed))} posts to ${values.posts}`);
  if (values.json) {
    writeFileSync(values.json, JSON.stringify(archive));
    report(`wrote the archive (${archive.talks.length} talks) to ${values.json}`);
  }
  if (!values.posts && !values.json) report('nothing to write: pass --posts DIR and/or --json FILE');
}
