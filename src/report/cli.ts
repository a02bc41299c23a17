#!/usr/bin/env node
/**
 * The `crm-mining` command line. `crm-mining summary FILE --customer COL --time COL [...]`
 * loads a transaction CSV and prints what is in it. More commands arrive with the report.
 */
import { parseArgs } from 'node:util';
import { TransactionLog, isCrmMiningError, type CsvMapping } from '../core/index';

const USAGE = `Usage: crm-mining <command> FILE [options]

Commands:
  summary FILE   load a transaction CSV and print its size, time range and revenue

Column mapping (header names in FILE):
  --customer COL   customer id (required)      --time COL     purchase time (required)
  --item COL       item / product id           --order COL    order (basket) id
  --amount COL     line value                  --price COL    unit price (amount = quantity x price)
  --quantity COL   quantity                    --cost COL     line cost

Options:
  --delimiter C    field delimiter (default ',')
  --skip-invalid   skip rows that cannot be used and report them, instead of stopping
  --json           print JSON instead of text
  -h, --help       this text               -v, --version   the version`;

const VERSION = '0.1.0';

export function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      customer: { type: 'string' }, time: { type: 'string' }, item: { type: 'string' }, order: { type: 'string' },
      amount: { type: 'string' }, price: { type: 'string' }, quantity: { type: 'string' }, cost: { type: 'string' },
      delimiter: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version === true) return print(VERSION);
  const [command, file] = positionals;
  if (values.help === true || command === undefined) return print(USAGE);
  if (command !== 'summary') return fail(`unknown command '${command}'\n\n${USAGE}`);
  if (file === undefined) return fail(`summary needs a FILE\n\n${USAGE}`);
  if (values.customer === undefined || values.time === undefined) return fail('--customer and --time are required: name the columns of FILE');
  const mapping: CsvMapping = { customer: values.customer, time: values.time, onInvalid: values['skip-invalid'] === true ? 'skip' : 'throw' };
  for (const key of ['item', 'order', 'amount', 'price', 'quantity', 'cost', 'delimiter'] as const) {
    if (values[key] !== undefined) mapping[key] = values[key];
  }
  const log = TransactionLog.fromCSV(file, mapping);
  const s = log.summary();
  if (values.json === true) return print(JSON.stringify(s, null, 2));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lines = [
    `${s.rows} line items, ${s.baskets} baskets, ${s.customers} customers, ${s.items} items`,
    `from ${day(s.from)} to ${day(s.to)}${s.amount === null ? '' : `, total amount ${s.amount.toFixed(2)}`}`,
    `mean basket size ${s.meanBasketSize.toFixed(2)} items`,
  ];
  if (s.skipped.rows > 0) lines.push(`skipped ${s.skipped.rows} invalid rows: ${JSON.stringify(s.skipped.byField)}; first: ${s.skipped.examples[0] ?? ''}`);
  return print(lines.join('\n'));
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

function fail(text: string): number {
  process.stderr.write(`crm-mining: ${text}\n`);
  return 2;
}

const isEntry = process.argv[1] !== undefined && /cli\.(js|ts|cjs|mjs)$/.test(process.argv[1]);
if (isEntry) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (isCrmMiningError(error)) process.exitCode = fail(`${error.code}: ${error.message}`);
    else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) process.exitCode = fail(`${(error as Error).message}\n\n${USAGE}`);
    else throw error;
  }
}
