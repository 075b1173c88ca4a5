/**
 * The `talks` command line. The only module that reads process.argv or sets the exit code;
 * each command lives in src/commands/ and takes resolved options.
 */
import { Command, CommanderError } from 'commander';
import { runExtract } from './commands/extract.ts';
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
