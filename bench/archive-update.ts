/**
 * Cost of one post update on a large archive: builds ~100k talks from synthetic posts, then
 * times upsertPost / removePost and toArchive. Run: node --import tsx bench/archive-update.ts
 */
import { performance } from 'node:perf_hooks';
import { ArchiveBuilder } from '../src/archive/index.ts';
import type { ExtractedPost, ExtractedTalk } from '../src/model.ts';

const WORDS =
  'stream cache kernel graph cloud rust type query shard queue edge model proxy mesh vector'.split(' ');

function word(n: number): string {
  return WORDS[n % WORDS.length]! + (n % 97);
}

function syntheticPost(conference: number, part: number, talks: number, version = 0): ExtractedPost {
  const list: ExtractedTalk[] = [];
  for (let i = 0; i < talks; i++) {
    const n = conference * 1000 + part * talks + i;
    list.push({
      title: `${word(n)} ${word(n * 7 + 1)} ${word(n * 13 + 2)} talk ${n}${version ? ` v${version}` : ''}`,
      speakers: [{ name: `Speaker ${n % 40_000} Person`, handle: null, affiliation: null }],
      topics: [WORDS[n % WORDS.length]!],
      kind: 'talk',
      anchor: `t${i}`,
      conference: null,
      text: `Notes ${n} `.repeat(20),
    });
  }
  return {
    source: 'bench',
    title: `Conf ${conference} recap ${part}`,
    date: '2020-01-01',
    language: 'en',
    url: null,
    tags: [],
    conference: { name: `Conf ${conference}`, year: 2020, city: null },
    talks: list,
    warnings: [],
  };
}

/** Wall time and CPU time (less sensitive to other processes on a shared machine). */
function time(label: string, runs: number, action: (i: number) => void): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    action(i);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - start);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(1);
  process.stdout.write(`${label}: median ${median(wall)} ms wall, ${median(cpu)} ms cpu\n`);
}

const CONFERENCES = Number(process.env.BENCH_CONFERENCES ?? 500);
const PER_POST = 100;
const posts: [string, ExtractedPost][] = [];
for (let c = 0; c < CONFERENCES; c++)
  for (let p = 0; p < 2; p++) posts.push([`c${c}/p${p}.md`, syntheticPost(c, p, PER_POST)]);

const builder = new ArchiveBuilder();
let start = performance.now();
const loadCpu = process.cpuUsage();
builder.load(posts);
const { user, system } = process.cpuUsage(loadCpu);
const loadWall = (performance.now() - start).toFixed(0);
process.stdout.write(
  `load ${posts.length} posts: ${loadWall} ms wall, ${((user + system) / 1000).toFixed(0)} ms cpu\n`,
);
start = performance.now();
const archive = builder.toArchive();
process.stdout.write(
  `toArchive: ${(performance.now() - start).toFixed(1)} ms, ${archive.talks.length} talks\n`,
);

time('upsertPost (one title corrected)', 20, (i) => {
  const edited = syntheticPost(i + 100, 0, PER_POST);
  edited.talks[3]!.title = `Corrected title ${i}`;
  builder.upsertPost(`c${i + 100}/p0.md`, edited);
});
time('upsertPost (every title of a post changed)', 20, (i) =>
  builder.upsertPost(`c${i}/p0.md`, syntheticPost(i, 0, PER_POST, 1)),
);
time('upsertPost (new post)', 20, (i) => builder.upsertPost(`new/${i}.md`, syntheticPost(1000 + i, 0, 10)));
time('removePost', 20, (i) => builder.removePost(`new/${i}.md`));
time('toArchive', 20, () => builder.toArchive());
