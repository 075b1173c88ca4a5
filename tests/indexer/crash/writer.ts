/**
 * Writes snapshots in a loop until killed; run by crash.test.ts. Snapshot n holds n talks and
 * a large search blob, so that a kill often lands in the middle of a write.
 */
import { writeSnapshot } from '../../../src/indexer/snapshot.ts';
import type { Archive, Talk } from '../../../src/model.ts';

const [dataDir = ''] = process.argv.slice(2);

function talk(n: number): Talk {
  return {
    id: `conf-2020/talk-${n}`,
    conferenceId: 'conf-2020',
    slug: `talk-${n}`,
    title: `Talk ${n}`,
    titleDerived: false,
    speakerIds: [],
    topicIds: [],
    kind: 'talk',
    summary: '',
    text: 'x'.repeat(2000),
    date: null,
    sources: [],
  };
}

for (let n = 1; ; n++) {
  const archive: Archive = { conferences: [], talks: [], speakers: [], topics: [], posts: [] };
  for (let i = 0; i < n; i++) archive.talks.push(talk(i));
  await writeSnapshot(dataDir, {
    configHash: 'crash-test',
    fingerprint: { extractor: 'crash-test', archive: 'crash-test' },
    posts: {},
    archive,
    extracted: {},
    merge: null,
    search: { configHash: 'crash-test', data: { blob: 'y'.repeat(500_000 + n) } },
  });
  process.stdout.write(`${n}\n`);
}
