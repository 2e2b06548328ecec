/**
 * The command line: parse options, load the configuration, run the pipeline,
 * post-process each report (severities, allow list, inline suppressions,
 * changed lines), print it in the chosen format, and set the exit status:
 * 0 pass, 1 failed by threshold, 2 usage or input error (2 wins).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { closeSync, fstatSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { loadConfig } from './config/load.js';
import { resolveSettings } from './config/resolve.js';
import { ConfigError } from './config/validate.js';
import { DEFAULT_MAX_BYTES, parseByteSize } from './decode/limits.js';
import { DEFAULT_MIN_CONFIDENCE } from './engine/analyze.js';
import { GitError, verifyRef } from './filters/changed.js';
import type { ReportedFile } from './filters/index.js';
import { defaultJobs, processInputs, releasePrinted, type PrintedBatch } from './parallel/index.js';
import type { RunOptions } from './pipeline.js';
import { DEFAULT_GATE, EXIT_ERROR, EXIT_OK, SEVERITIES, Tally, type Gate } from './report/gate.js';
import { oneLine } from './report/safe.js';
import { notesOf, streamFormatter, type StreamSpec } from './report/stream.js';
import { INPUT_FORMATS, TACTIC_IDS, type InputFormat, type Severity, type TacticId } from './types.js';

export { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './report/gate.js';
export { onLongRun } from './long-run.js';

export const OUTPUT_FORMATS = ['text', 'json', 'jsonl', 'sarif', 'github'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const EXAMPLES = `
Examples:
  $ quidpro fixtures/examples/charity-appeal.txt   analyse a file
  $ quidpro < message.eml                          analyse a message piped in
  $ cat draft.md | quidpro -                       "-" reads stdin explicitly
  $ quidpro copy/                                  every text-like file under a folder
  $ quidpro --format json copy/*.md > report.json  machine-readable report
  $ quidpro -f sarif -o quidpro.sarif copy/        SARIF for GitHub code scanning
  $ quidpro --fail-on freebie,obligation copy/     only these tactics fail the run
  $ quidpro --changed-since origin/main copy/      only lines changed since a git ref
  $ quidpro explain door-in-the-face               what a tactic is and what to do
  $ quidpro tactics                                list the tactic ids

Exit status: 0 pass, 1 findings at or above --fail-level (more than --max-findings),
2 usage, configuration or input error (2 wins over 1).
Configuration: quidpro.config.json, .quidprorc.json or package.json "quidpro",
found from the working directory upwards (see docs/configuration.md).
Colour: on when stdout is a terminal; off with --no-color or NO_COLOR.`;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  stdin?: () => Promise<Buffer>;
  /** Where configuration discovery starts (default: process.cwd()). */
  cwd?: string;
}

type ProgramWithResult = Command & { exitCodeResult?: number };

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
  return (program as ProgramWithResult).exitCodeResult ?? EXIT_OK;
}

function buildProgram(io: CliIo): Command {
  const program: ProgramWithResult = new Command('quidpro');
  const setResult = (code: number) => {
    program.exitCodeResult = code;
  };
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
  };
  program
    .description('Find reciprocity persuasion tactics (free gifts, bonuses, foot-in-the-door, door-in-the-face, obligation) in text, and how to resist them.')
    .version(readVersion(), '-V, --version')
    .argument('[paths...]', 'files or folders to analyse; none or "-" reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--input-format <format>', 'read inputs as this format instead of detecting it').choices(INPUT_FORMATS))
    .option('--min-confidence <x>', `report findings at or above this confidence, 0 to 1 (default ${DEFAULT_MIN_CONFIDENCE}, or the config's)`, parseConfidence)
    .option('--fail-on <tactics>', `which findings fail the run: any, none, or tactic ids separated by commas (default any)`, parseFailOn)
    .addOption(new Option('--fail-level <level>', 'least severity that fails the run').choices(SEVERITIES).default('warning'))
    .option('--max-findings <n>', 'fail only with more than n failing findings (default: fail on the first)', parseCount)
    .option('--changed-since <ref>', 'report only findings on lines added or changed since a git ref')
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .option('--no-config', 'use no configuration file')
    .option('--no-inline-config', 'ignore quidpro-disable/-enable comments in the text')
    .option('--report-unused-disables', 'report quidpro-disable comments that suppress nothing (they fail like warnings)')
    .option('--no-color', 'plain text output even on a terminal')
    .option('--max-bytes <size>', 'skip (as an input error) any input larger than this; for a mailbox, any message: bytes, or with K, M, G (1024s) or KB, MB, GB (1000s) (default 100MiB)', parseMaxBytes)
    .option('-j, --jobs <n>', 'analyse files or mailbox messages on n threads (default: the number of cores); output order is unchanged', parseJobs)
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput(output)
    .action(async (paths: string[], opts: CliOptions) => setResult(await run(paths, opts, io)));

  program
    .command('explain')
    .description('explain a tactic: what it is, why it works, examples, what to do, sources')
    .argument('<tactic>', `a tactic id (${TACTIC_IDS.join(', ')})`)
    .exitOverride()
    .configureOutput(output)
    .action(async (id: string) => {
      const { explainTactic, UnknownTacticError } = await import('./explain/index.js');
      try {
        io.stdout.write(await explainTactic(id));
        setResult(EXIT_OK);
      } catch (err) {
        if (!(err instanceof UnknownTacticError)) throw err;
        io.stderr.write(`quidpro: ${oneLine(err.message)}\n`);
        setResult(EXIT_ERROR);
      }
    });

  program
    .command('tactics')
    .description('list the tactic ids with their names and one-line summaries')
    .exitOverride()
    .configureOutput(output)
    .action(async () => {
      const { listTactics } = await import('./explain/index.js');
      io.stdout.write(listTactics());
      setResult(EXIT_OK);
    });
  return program;
}

interface CliOptions {
  format: OutputFormat;
  output?: string;
  inputFormat?: InputFormat;
  minConfidence?: number;
  failOn?: Gate['failOn'];
  failLevel: Severity;
  maxFindings?: number;
  changedSince?: string;
  /** A file, false for --no-config, undefined to search. */
  config?: string | false;
  inlineConfig: boolean;
  reportUnusedDisables?: boolean;
  color: boolean;
  jobs?: number;
  maxBytes?: number;
}

/** Where the report goes: stdout, or a file opened before any input is read. */
interface Sink {
  /**
   * Writes, then waits only while the reader lags: stdout on a pipe queues
   * what the reader has not taken yet, so without this wait a slow reader
   * (`quidpro … | slow`) let a mailbox's whole report pile up in memory.
   */
  write(s: string | Uint8Array): Promise<void> | undefined;
  /** Everything written has gone out: no buffer given to write() is still queued. */
  drainedNow(): boolean;
  close(): void;
  isTTY: boolean;
}

async function run(paths: string[], opts: CliOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  // process.stdin is looked at only when no path is named: making it (a pipe's socket) costs start-up.
  if (paths.length === 0 && !io.stdin && (process.stdin as { isTTY?: boolean }).isTTY === true) {
    io.stderr.write('quidpro: no input: name files or folders, or pipe text in (see quidpro --help)\n');
    return EXIT_ERROR;
  }
  const fail = (message: string) => {
    io.stderr.write(`quidpro: ${oneLine(message)}\n`);
    return EXIT_ERROR;
  };

  let settings;
  try {
    const loaded = opts.config === false ? { config: {}, dir: cwd } : loadConfig(cwd, opts.config);
    settings = resolveSettings(loaded.config, loaded.dir, { minConfidence: opts.minConfidence });
    if (opts.changedSince !== undefined) verifyRef(opts.changedSince, cwd);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof GitError) return fail(err.message);
    throw err;
  }
  const reportSettings = {
    ...settings.report,
    inlineDirectives: opts.inlineConfig,
    reportUnusedDisables: opts.reportUnusedDisables === true,
    changedSince: opts.changedSince,
  };
  const gate: Gate = { failOn: opts.failOn ?? DEFAULT_GATE.failOn, failLevel: opts.failLevel, maxFindings: opts.maxFindings ?? DEFAULT_GATE.maxFindings };

  let sink: Sink;
  try {
    sink = openSink(opts.output, io);
  } catch (err) {
    return fail(`cannot write ${opts.output}: ${(err as Error).message}`);
  }

  const useColor = opts.format === 'text' && opts.color && sink.isTTY && !('NO_COLOR' in io.env);
  const text = opts.format === 'text' ? await import('./report/text.js') : null;
  const style = text ? (useColor ? await text.colorStyle() : text.PLAIN) : null;
  // Streamed formats print each file as it comes (--jobs workers print theirs themselves); the others need every report at the end.
  const stream: StreamSpec | undefined = opts.format === 'text' || opts.format === 'jsonl' ? { format: opts.format, color: useColor, gate } : undefined;
  const print = stream ? await streamFormatter(stream) : null;

  const options: RunOptions = { ...settings.analyze, inputFormat: opts.inputFormat, stdin: io.stdin, skip: settings.skip, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES };
  const files: ReportedFile[] = [];
  const tally = new Tally(gate);
  try {
    for await (const item of processInputs(paths, options, reportSettings, opts.jobs ?? defaultJobs(), stream)) {
      if ('kind' in item) {
        tally.addTotals(item.totals);
        await writePrinted(item, sink, io.stderr);
        continue;
      }
      const { file } = item;
      tally.add(file);
      if (!print) files.push(file);
      const notes = notesOf(item);
      if (notes) io.stderr.write(notes);
      if (print) await sink.write(print(file));
    }
    const failing = tally.failing;
    if (text && style) sink.write(text.formatSummary(tally, style));
    else if (opts.format === 'json') {
      for (const chunk of (await import('./report/json.js')).jsonChunks(files, { failing })) await sink.write(chunk);
    }
    else if (opts.format === 'sarif') {
      const { formatSarif } = await import('./report/sarif.js');
      sink.write(formatSarif(files, { toolVersion: readVersion(), severity: reportSettings.severity, cwd }));
    } else if (opts.format === 'github') sink.write((await import('./report/github.js')).formatGithub(files, cwd));
  } finally {
    sink.close();
  }
  return tally.exitCode();
}

/** A batch a --jobs worker printed: its bytes, with each report's stderr notes written just before that report. */
async function writePrinted(batch: PrintedBatch, sink: Sink, stderr: NodeJS.WritableStream): Promise<void> {
  await writePrintedBytes(batch, sink, stderr);
  if (sink.drainedNow()) releasePrinted(batch);
}

async function writePrintedBytes(batch: PrintedBatch, sink: Sink, stderr: NodeJS.WritableStream): Promise<void> {
  const { bytes, notes, ends } = batch;
  if (!notes || !ends) {
    if (bytes.length > 0) await sink.write(bytes);
    return;
  }
  let from = 0;
  for (let i = 0; i < notes.length; i++) {
    if (!notes[i]) continue;
    const start = i === 0 ? 0 : ends[i - 1];
    if (start > from) await sink.write(bytes.subarray(from, start));
    stderr.write(notes[i]);
    from = start;
  }
  if (bytes.length > from) await sink.write(bytes.subarray(from));
}

function openSink(file: string | undefined, io: CliIo): Sink {
  if (file === undefined) {
    const out = io.stdout;
    return {
      write: (s) => (out.write(s) ? undefined : drained(out)),
      drainedNow: () => KEEPS_NOTHING_WRITTEN.has(out) && (out as { writableLength?: number }).writableLength === 0,
      close: () => {},
      isTTY: out.isTTY === true,
    };
  }
  const fd = openSync(file, 'w');
  return { write: (s) => void (typeof s === 'string' ? writeSync(fd, s) : writeSync(fd, s)), drainedNow: () => true, close: () => closeSync(fd), isTTY: false };
}

/** Resolves when `stream` has room again, or can take nothing more (closed, failed: its own handlers report that). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

function parseConfidence(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
    throw new InvalidArgumentError('expected a number from 0 to 1.');
  }
  return x;
}

function parseFailOn(value: string): Gate['failOn'] {
  const v = value.trim();
  if (v === 'any' || v === 'none') return v;
  const ids = v.split(/[\s,]+/).filter((s) => s !== '');
  const unknown = ids.filter((id) => !(TACTIC_IDS as readonly string[]).includes(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown tactic ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; expected any, none, or ids from: ${TACTIC_IDS.join(', ')}.`);
  }
  return ids as TacticId[];
}

function parseMaxBytes(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === null) throw new InvalidArgumentError('expected a size in bytes, 1 or more, optionally with a unit: 500k, 10MB, 10MiB, 1G.');
  return bytes;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new InvalidArgumentError('expected a whole number of threads, 1 or more.');
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || n < -1) throw new InvalidArgumentError('expected a whole number, -1 or more.');
  return n;
}

/** The package's version (read, not imported: node:module costs start-up; the bundle has a package.json of its own beside it). */
function readVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * The command's own stdout streams, which keep no reference to a chunk once
 * their writableLength is back to 0 (process.stdout, whose writes then went
 * out, and the writeSync one). A stand-in given by a caller may keep what it
 * was given, so a printed batch written to it is never let go of.
 */
const KEEPS_NOTHING_WRITTEN = new WeakSet<object>();

/** process.stdout and process.stderr, once the command has used them. */
const streamsUsed = new Set<NodeJS.WriteStream>();

/**
 * Whether everything the command wrote to its own stdout and stderr has gone
 * out (on Linux writes to a pipe are synchronous; on macOS they may still be
 * queued), so that bin/quidpro.js may end the process at once: letting it
 * wind down by itself ran an idle-time collection first, ~4 ms of every short run.
 */
export function outputFlushed(): boolean {
  for (const stream of streamsUsed) if (stream.writableLength > 0) return false;
  return true;
}

/**
 * process.stdout and process.stderr are made on first use, and making one
 * loads Node's stream modules (and net, for a pipe or a terminal): a few ms
 * of start-up. So stderr is touched only when something is written to it,
 * and output to a file or /dev/null is written with fs.writeSync, which is
 * all Node's own stream for those does (SyncWriteStream).
 */
function defaultIo(): CliIo {
  const stderr = {
    write: (s: string) => {
      streamsUsed.add(process.stderr);
      return process.stderr.write(s);
    },
  } as unknown as NodeJS.WritableStream;
  if (isFileOrNull(1)) {
    const stdout = { write: (s: string | Uint8Array) => (typeof s === 'string' ? writeSync(1, s) : writeSync(1, s), true), writableLength: 0, isTTY: false };
    KEEPS_NOTHING_WRITTEN.add(stdout);
    return { stdout: stdout as unknown as CliIo['stdout'], stderr, env: process.env };
  }
  // A reader that stops early (`quidpro … | head`) is not an error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  KEEPS_NOTHING_WRITTEN.add(process.stdout);
  streamsUsed.add(process.stdout);
  return { stdout: process.stdout, stderr, env: process.env };
}

/** Whether a file descriptor is a regular file or /dev/null (what Node would write with a SyncWriteStream), not a pipe or a terminal. */
function isFileOrNull(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFile() || (info.isCharacterDevice() && info.rdev === statSync('/dev/null').rdev);
  } catch {
    return false;
  }
}
