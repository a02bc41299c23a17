#!/usr/bin/env node
/**
 * The package's bin (`crm-mining`, built to dist/cli.js): runs the CLI with the process's
 * arguments, however it was started (npx, an npm script, a global install, `node dist/cli.js`).
 */
import { EXIT, main } from './cli';

// A closed pipe (`crm-mining rules f.csv | head -1`) ends quietly, as Unix tools do; a full
// disk or another write error on stdout is a data error (exit 3), not an unhandled crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  process.stderr.write(`crm-mining: cannot write the output: ${error.message}\n`);
  process.exit(EXIT.data);
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`crm-mining: internal error: ${String(error)}\n`);
  process.exitCode = EXIT.internal;
});
