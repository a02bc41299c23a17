/**
 * The installed package under Deno (the `deno` dev dependency from npm): a script that imports
 * crm-mining from the app's node_modules runs every capability, with only read permission, and
 * prints what the same script prints under Node.
 */
import { describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './app';
import { differences } from './compare';

const DENO = join(ROOT, 'node_modules/.bin/deno');

describe('Deno', () => {
  it('runs the scenario with --allow-read and gives the answers Node gives', () => {
    const app = inject('fullApp');
    writeFileSync(join(app, 'scenario.mjs'), readFileSync(join(ROOT, 'tests/package/fixtures/scenario.mjs')));
    writeFileSync(join(app, 'deno.mjs'), `import * as lib from 'crm-mining';
import * as brain from 'brain.js';
import { readFileSync } from 'node:fs';
import { scenario } from './scenario.mjs';
const result = await scenario(lib, brain, readFileSync(${JSON.stringify(join(ROOT, 'examples/data/sample-transactions.csv'))}, 'utf8'));
console.log(JSON.stringify({ runtime: typeof Deno === 'undefined' ? 'node' : 'deno', result }));
`);
    const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
    const inDeno = JSON.parse(execFileSync(DENO, ['run', '--allow-read', 'deno.mjs'], { cwd: app, encoding: 'utf8', env, maxBuffer: 64 * 2 ** 20 })) as { runtime: string; result: Record<string, unknown> };
    const inNode = JSON.parse(execFileSync(process.execPath, ['deno.mjs'], { cwd: app, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })) as typeof inDeno;
    expect(inDeno.runtime).toBe('deno');
    expect(inNode.runtime).toBe('node');
    expect((inDeno.result.neural as { sameAsInThread: boolean }).sameAsInThread).toBe(true);
    expect(inDeno.result.report).toEqual({ svgCharts: 0, sections: 8, scripts: 3 });
    expect(differences(inDeno.result, inNode.result)).toEqual([]);
  });
});
