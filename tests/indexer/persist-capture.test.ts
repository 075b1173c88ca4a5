import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Indexer } from '../../src/indexer/index.ts';
import type { SearchQuery } from '../../src/model.ts';
import { conf, post, speaker, talk } from '../archive/posts.ts';
import { type Folders, jsonExtract, tempFolders, writePost } from './helpers.ts';

const query = (q: string): SearchQuery => ({
  q,
  topic: [],
  conference: [],
  year: [],
  speaker: [],
  page: 1,
  limit: 10,
});

const kafka = post(conf('Kafka Summit', 2019), [talk('Streams without zookeeper', [speaker('Ann Lee')])]);
const rust = post(conf('RustConf', 2020), [talk('Borrow checker tales', [speaker('Bob Stone')])]);
const wasm = post(conf('dotJS', 2021), [talk('Wasmtime in production', [speaker('Cy Young')])]);

describe('a snapshot write', () => {
  let dirs: Folders;
  beforeEach(async () => {
    dirs = await tempFolders();
  });
  afterEach(async () => {
    await dirs.cleanup();
  });

  const open = () =>
    Indexer.open({
      postsDir: dirs.posts,
      dataDir: dirs.data,
      extract: jsonExtract().extract,
      vocabulary: { series: [], topics: [] },
      warmUp: false,
    });
  const found = (indexer: Indexer, q: string) => indexer.search.search(query(q)).total;

  test('saves the search index as it was when the write began, and a change made during it next time', async () => {
    await writePost(dirs.posts, 'kafka.md', kafka);
    const indexer = await open();
    await indexer.update();
    await writePost(dirs.posts, 'rust.md', rust);
    indexer.apply(await indexer.scan());
    const writing = indexer.persist();
    // Applied while the snapshot is being written: not in it.
    await writePost(dirs.posts, 'wasm.md', wasm);
    indexer.apply(await indexer.scan(['wasm.md']));
    await writing;
    const first = await open();
    expect([found(first, 'zookeeper'), found(first, 'borrow'), found(first, 'wasmtime')]).toEqual([1, 1, 0]);
    expect(await indexer.persist()).not.toBeNull();
    const second = await open();
    expect([found(second, 'zookeeper'), found(second, 'borrow'), found(second, 'wasmtime')]).toEqual([
      1, 1, 1,
    ]);
    expect(found(indexer, 'wasmtime')).toBe(1);
  });
});
