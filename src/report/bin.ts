#!/usr/bin/env node
/**
 * The package's bin (`crm-mining`, built to dist/cli.js): runs the CLI with the process's
 * arguments, however it was started (npx, an npm script, a global install, `node dist/cli.js`).
 */
import { EXIT, main } from './cli';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`crm-mining: internal error: ${String(error)}\n`);
  process.exitCode = EXIT.internal;
});
