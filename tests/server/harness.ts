/** Builds the site over the fixture archive, as the server does over a loaded snapshot. */
import { pino } from 'pino';
import type { Archive } from '../../src/model.ts';
import { createSearchIndex } from '../../src/search/index.ts';
import type { ArchiveSearch } from '../../src/search/types.ts';
import { createApp } from '../../src/server/app.ts';
import { type AppState, createAppState } from '../../src/server/state.ts';
import { fixtureArchive } from './fixture.ts';

export function searchFor(archive: Archive): ArchiveSearch {
  return createSearchIndex(archive);
}

export function fixtureState(archive: Archive = fixtureArchive()): AppState {
  return createAppState(archive, searchFor(archive));
}

export function fixtureApp(options: { production?: boolean; state?: AppState } = {}) {
  const state = options.state ?? fixtureState();
  return createApp({
    getState: () => state,
    logger: pino({ level: 'silent' }),
    config: { production: options.production ?? false },
  });
}
