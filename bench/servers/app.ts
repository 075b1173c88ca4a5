/**
 * The archive's web app on 127.0.0.1, serving a generated archive, for the HTTP and re-index
 * benchmarks. Prints "LISTENING <port>" once it accepts connections; stops on SIGTERM.
 *
 *   node --import tsx bench/servers/app.ts [--talks N]
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createSearchIndex } from '../../src/search/index.ts';
import { createApp } from '../../src/server/app.ts';
import { listen } from '../../src/server/listen.ts';
import { createAppState } from '../../src/server/state.ts';
import { generateArchive } from '../generate.ts';

const { values } = parseArgs({ options: { talks: { type: 'string', default: '100000' } } });
const archive = generateArchive({ talks: Number(values.talks) });
const state = createAppState(archive, createSearchIndex(archive));
// Request logs are off: the benchmark measures the routes, not the log sink.
const logger = pino({ level: 'silent' });
const app = createApp({ getState: () => state, logger, config: { production: true } });
const running = await listen(app, { port: 0, host: '127.0.0.1', logger, graceMs: 1000 });
process.stdout.write(`LISTENING ${running.port}\n`);
