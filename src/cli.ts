/**
 * The command line: parse options, run the pipeline, print a report, and
 * set the exit code (0 no findings, 1 findings, 2 usage or input error).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { createRequire } from 'node:module';
import { DEFAULT_MIN_CONFIDENCE } from './engine/analyze.js';
import { analyzeInputs, type RunOptions } from './pipeline.js';
import { formatJson } from './report/json.js';
import { oneLine } from './report/safe.js';
import { colorStyle, formatFile, formatSummary, PLAIN } from './report/text.js';
import { INPUT_FORMATS, type FileReport, type InputFormat } from './types.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const OUTPUT_FORMATS = ['text', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const EXAMPLES = `
Examples:
  $ quidpro fixtures/examples/charity-appeal.txt   analyse a file
  $ quidpro < message.eml                          analyse a message piped in
  $ cat draft.md | quidpro -                       "-" reads stdin explicitly
  $ quidpro copy/                                  every text-like file under a folder
  $ quidpro --format json copy/*.md > report.json  machine-readable report
  $ quidpro --min-confidence 0.3 draft.txt         also show weaker findings

Exit status: 0 no findings, 1 findings, 2 usage or input error (2 wins).
Colour: on when stdout is a terminal; off with --no-color or NO_COLOR.`;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  stdin?: () => Promise<Buffer>;
}

export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    // commander has already printed its message (or the help/version text).
    if (typeof code === 'number') return code === 0 ? EXIT_OK : EXIT_ERROR;
    io.stderr.write(`quidpro: ${oneLine((err as Error).message)}\n`);
    return EXIT_ERROR;
  }
  return (program as Command & { exitCodeResult?: number }).exitCodeResult ?? EXIT_OK;
}

function buildProgram(io: CliIo): Command {
  const program = new Command('quidpro');
  program
    .description('Find reciprocity persuasion tactics (free gifts, bonuses, foot-in-the-door, door-in-the-face, obligation) in text, and how to resist them.')
    .version(readVersion(), '-V, --version')
    .argument('[paths...]', 'files or folders to analyse; none or "-" reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .addOption(new Option('--input-format <format>', 'read inputs as this format instead of detecting it').choices(INPUT_FORMATS))
    .option('--min-confidence <x>', `report findings at or above this confidence, 0 to 1 (default ${DEFAULT_MIN_CONFIDENCE})`, parseConfidence)
    .option('--no-color', 'plain text output even on a terminal')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .action(async (paths: string[], opts: CliOptions) => {
      (program as Command & { exitCodeResult?: number }).exitCodeResult = await run(paths, opts, io);
    });
  return program;
}

interface CliOptions {
  format: OutputFormat;
  inputFormat?: InputFormat;
  minConfidence?: number;
  color: boolean;
}

async function run(paths: string[], opts: CliOptions, io: CliIo): Promise<number> {
  const stdinIsTTY = (process.stdin as { isTTY?: boolean }).isTTY === true;
  if (paths.length === 0 && stdinIsTTY && !io.stdin) {
    io.stderr.write('quidpro: no input: name files or folders, or pipe text in (see quidpro --help)\n');
    return EXIT_ERROR;
  }
  const options: RunOptions = { inputFormat: opts.inputFormat, minConfidence: opts.minConfidence, stdin: io.stdin };
  const useColor = opts.format === 'text' && opts.color && io.stdout.isTTY === true && !('NO_COLOR' in io.env);
  const style = useColor ? await colorStyle() : PLAIN;
  const files: FileReport[] = [];
  for await (const file of analyzeInputs(paths, options)) {
    files.push(file);
    if (file.error) io.stderr.write(`quidpro: ${oneLine(file.path)}: ${oneLine(file.error.message)}\n`);
    if (opts.format === 'text') io.stdout.write(formatFile(file, style) + '\n');
  }
  if (opts.format === 'json') io.stdout.write(formatJson(files));
  else io.stdout.write(formatSummary(files, style));
  if (files.some((f) => f.error)) return EXIT_ERROR;
  return files.some((f) => f.findings.length > 0) ? EXIT_FINDINGS : EXIT_OK;
}

function parseConfidence(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
    throw new InvalidArgumentError('expected a number from 0 to 1.');
  }
  return x;
}

function readVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
