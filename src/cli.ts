/**
 * The `talks` command line. The only module that reads process.argv or sets the exit code;
 * each command lives in src/commands/ and takes resolved options.
 */
import { Command, CommanderError } from 'commander';
import { runExtract } from './commands/extract.ts';
import { type IndexOptions, runIndexCommand } from './commands/index-cmd.ts';
import { runSearch, type SearchOptions } from './commands/search.ts';
import { runServeCommand, type ServeFlags } from './commands/serve.ts';
import { ConfigError } from './config.ts';

export function buildProgram(out: (text: string) => void = (t) => process.stdout.write(`${t}\n`)): Command {
  const program = new Command('talks')
    .description('A searchable archive of conference talks, built from recap posts.')
    .showHelpAfterError('(run "talks --help" for usage)');

  program
    .command('extract')
    .description('extract the conference and talks of recap posts (HTML, Markdown or text)')
    .argument('<file...>', 'post files (.html, .htm, .md, .markdown, .txt)')
    .option('--json', 'print a JSON array, one object per file')
    .action((files: string[], options: { json?: boolean }) => runExtract(files, options, out));

  program
    .command('index')
    .description('build or update the snapshot from the posts folder, and report what changed')
    .option('--posts <dir>', 'posts folder (default data/posts, or TALKS_POSTS_DIR)')
    .option('--data <dir>', 'data folder for the snapshot (default data/index, or TALKS_DATA_DIR)')
    .option('--json', 'print the report as JSON')
    .option('--rebuild', 'ignore the saved snapshot and read every post again')
    .action(async (options: IndexOptions) => {
      await runIndexCommand(options, out);
    });

  const collect = (value: string, previous: string[]) => [...previous, value];
  program
    .command('search')
    .description('search the indexed talks (filters repeat: several values of one filter are OR)')
    .argument(
      '<query>',
      'words to look for; "quoted phrases" must appear as written; "" lists the newest talks',
    )
    .option('--topic <topic>', 'only talks with this topic (id, name or alias)', collect, [])
    .option('--conference <conference>', 'only talks of this conference (id, name or series)', collect, [])
    .option('--year <year>', 'only talks of this year', collect, [])
    .option('--speaker <speaker>', 'only talks by this speaker (id, name or handle)', collect, [])
    .option('--page <n>', 'page of results, from 1')
    .option('--limit <n>', 'results per page (1-100)')
    .option('--json', 'print the JSON of GET /api/search')
    .option('--data <dir>', 'data folder holding the snapshot (default data/index, or TALKS_DATA_DIR)')
    .action((query: string, options: SearchOptions) =>
      runSearch(query, options, out, undefined, process.stdout.isTTY ? 'bold' : 'brackets'),
    );

  for (const mode of ['serve', 'start'] as const) {
    const command = program
      .command(mode)
      .description(
        mode === 'serve'
          ? 'serve the site; with --watch, re-index posts as they change'
          : 'index the posts if needed, then serve the site and watch for changes (npm start)',
      )
      .option('--port <n>', 'port to listen on (default 3000, or PORT)')
      .option('--host <host>', 'address to listen on (default 127.0.0.1, or HOST)')
      .option(
        '--base-url <url>',
        "the site's public address for canonical links and feeds (or TALKS_BASE_URL)",
      )
      .option('--posts <dir>', 'posts folder (default data/posts, or TALKS_POSTS_DIR)')
      .option('--data <dir>', 'data folder for the snapshot (default data/index, or TALKS_DATA_DIR)')
      .option('--extract-timeout <ms>', 'time limit for extracting one post (default 5000)');
    if (mode === 'serve') command.option('--watch', 're-index posts when they are added, changed or deleted');
    else command.option('--no-watch', 'do not watch the posts folder');
    command.action(async (flags: ServeFlags) => {
      await runServeCommand(flags, mode);
    });
  }

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`talks: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
