/**
 * The `crm-mining` command line (run by bin.ts, the package's bin): `analyze` writes the HTML report; `rules`, `sequences`, `rfm`,
 * `clv`, `churn` and `summary` print a table, CSV or JSON. See docs/cli.md.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isCrmMiningError, type ErrorCode } from '../core/errors';
import { SKIP_HINT } from '../core/builder';
import type { TransactionLog } from '../core/TransactionLog';
import { analyze } from './analyze';
import { renderReport } from './html';
import { VERSION } from './version';
import { COMMAND_HELP, COMMAND_OPTIONS, COMMON_OPTIONS, MAIN_HELP } from './cli/help';
import { loadLog, resolveMapping } from './cli/input';
import { isParquet, loadParquetLog, parquetColumns } from './cli/parquet';
import { checkOutputs, writeAtomically } from './cli/files';
import { readAttitude } from './cli/attitude';
import { ProgressBar } from './cli/progress';
import { choiceFlag, marginFlag, churnModelFlag, churnCommand, clvCommand, numberFlag, rfmCommand, rulesCommand, sequencesCommand, summaryCommand, type CommandContext, type CommandResult } from './cli/commands';
import type { OutputFormat } from './cli/output';

/** Exit codes scripts can rely on (also in `crm-mining --help` and docs/cli.md). */
export const EXIT = { ok: 0, internal: 1, usage: 2, data: 3, limit: 4, model: 5, dependency: 6 } as const;

const EXIT_BY_CODE: Record<ErrorCode, number> = { OPTION: EXIT.usage, DATA: EXIT.data, LIMIT: EXIT.limit, MODEL: EXIT.model, DEPENDENCY: EXIT.dependency, ABORTED: 130 };

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

const COMMANDS: Record<string, (log: TransactionLog, ctx: CommandContext) => CommandResult> = {
  rules: rulesCommand, sequences: sequencesCommand, rfm: rfmCommand, clv: clvCommand, churn: churnCommand, summary: summaryCommand,
};

/**
 * Runs one command line and returns its exit code; errors become a message on stderr and a
 * code from {@link EXIT}.
 * @example
 * process.exitCode = await main(['rules', 'orders.csv', '--format', 'csv']);
 */
export async function main(argv: readonly string[], io: CliIo = process): Promise<number> {
  const fail = (code: number, text: string) => {
    io.stderr.write(`crm-mining: ${text}\n`);
    return code;
  };
  const command = argv[0];
  if (command === '--version' || command === '-v') return print(io, VERSION);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return print(io, MAIN_HELP);
  const own = COMMAND_OPTIONS[command];
  if (own === undefined) return fail(EXIT.usage, `unknown command '${command}'\n\n${MAIN_HELP}`);
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, strict: true, options: { ...COMMON_OPTIONS, ...own } }));
  } catch (error) {
    return fail(EXIT.usage, `${(error as Error).message}\n\nRun 'crm-mining ${command} --help' for its options.`);
  }
  if (values.help === true) return print(io, COMMAND_HELP[command] as string);
  const [file, ...extra] = positionals;
  if (file === undefined) return fail(EXIT.usage, `${command} needs a FILE\n\n${COMMAND_HELP[command] ?? ''}`);
  if (extra.length > 0) return fail(EXIT.usage, `unexpected argument '${extra[0] as string}' (one FILE per run)`);
  const bar = new ProgressBar(io.stderr, values.quiet === true);
  const note = (text: string) => {
    if (values.quiet !== true) io.stderr.write(`crm-mining: ${text}\n`);
  };
  try {
    const format = values.json === true ? 'json' : choiceFlag<OutputFormat>(values, 'format', ['table', 'csv', 'json'], 'table');
    const limit = numberFlag(values, 'limit', format === 'table' ? 20 : Infinity, { min: 1, integer: true });
    const outputs: Array<[string, string]> = [];
    if (command === 'analyze') outputs.push(['--out', typeof values.out === 'string' ? values.out : 'report.html']);
    else if (typeof values.out === 'string') outputs.push(['--out', values.out]);
    if (command === 'analyze' && typeof values.json === 'string') outputs.push(['--json', values.json]);
    checkOutputs(file, outputs);
    const parquet = isParquet(file) ? await parquetColumns(file) : null;
    const { mapping, notes } = resolveMapping(file, values, parquet?.columns);
    notes.forEach(note);
    // analyze skips and counts bad rows unless --strict; the other commands stop unless --skip-invalid.
    if (command === 'analyze' && values.strict !== true) mapping.onInvalid = 'skip';
    const log = parquet === null ? loadLog(file, mapping, bar.update, note, values['date-format'] === undefined) : await loadParquetLog(file, mapping, parquet.connection);
    bar.finish();
    const read = log.rowCount + log.returns.rows + log.skipped.rows;
    if (log.skipped.rows > read / 2) {
      return fail(EXIT.data, `${log.skipped.rows} of ${read} rows cannot be used (${Object.entries(log.skipped.byField).map(([f, n]) => `${f}: ${n}`).join(', ')}): that is a wrong column mapping or format, not dirty data; first: ${log.skipped.examples[0] ?? ''}`);
    }
    if (log.skipped.rows > 0) note(`skipped ${log.skipped.rows} invalid rows (${Object.entries(log.skipped.byField).map(([f, n]) => `${f}: ${n}`).join(', ')}); first: ${log.skipped.examples[0] ?? ''}`);
    if (command === 'analyze') return await analyzeCommand(log, file, values, bar, io, note);
    const result = (COMMANDS[command] as (typeof COMMANDS)[string])(log, { values, format, limit, run: { onProgress: bar.update } });
    bar.finish();
    result.notes.forEach(note);
    if (typeof values.out === 'string') {
      writeAtomically(values.out, result.text);
      note(`wrote ${resolve(values.out)}`);
    } else io.stdout.write(result.text);
    return EXIT.ok;
  } catch (error) {
    bar.finish();
    if (isCrmMiningError(error)) {
      const hint = error.code === 'DATA' && (error as { row?: number }).row !== undefined && values['skip-invalid'] !== true ? ' (--skip-invalid leaves such rows out and counts them)' : '';
      // The library's hint names its option; on the command line the flag is what to use.
      return fail(EXIT_BY_CODE[error.code] ?? EXIT.internal, `${error.message.replace(SKIP_HINT, '')}${hint}`);
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fail(EXIT.data, (error as Error).message);
    return fail(EXIT.internal, `internal error, please report it with the command line: ${(error as Error).stack ?? String(error)}`);
  }
}

async function analyzeCommand(log: TransactionLog, file: string, values: CommandContext['values'], bar: ProgressBar, io: CliIo, note: (text: string) => void): Promise<number> {
  const out = typeof values.out === 'string' ? values.out : 'report.html';
  bar.steps = true;
  const attitude = typeof values.attitude === 'string' ? readAttitude(values.attitude) : null;
  const analysis = analyze(log, {
    ...(attitude === null ? {} : { loyalty: { attitude } }),
    ...(typeof values['as-of'] === 'string' ? { asOf: values['as-of'] } : {}),
    churn: { horizonDays: numberFlag(values, 'horizon-days', 90, { min: 1, integer: true }), model: churnModelFlag(values) },
    segments: { k: numberFlag(values, 'k', 4, { min: 2, max: 20, integer: true }) },
    clv: marginFlag(values),
    ...(typeof values.currency === 'string' ? { currency: values.currency } : {}),
    onProgress: bar.update,
  });
  bar.finish();
  const html = await renderReport(analysis, { title: typeof values.title === 'string' ? values.title : `Customer analysis: ${basename(file)}`, source: basename(file) });
  writeAtomically(out, html);
  if (typeof values.json === 'string') writeAtomically(values.json, `${JSON.stringify(analysis, null, 2)}\n`);
  for (const key of ['rfm', 'rules', 'sequences', 'clv', 'churn', 'segments', 'loyalty'] as const) {
    const section = analysis[key];
    if (section.status === 'skipped' && !(key === 'loyalty' && attitude === null)) note(`${key}: not computed: ${section.reason}`);
  }
  io.stdout.write(`${resolve(out)}\n`);
  return EXIT.ok;
}

function print(io: CliIo, text: string): number {
  io.stdout.write(`${text}\n`);
  return EXIT.ok;
}
