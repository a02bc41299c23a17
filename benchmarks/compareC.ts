/**
 * The C reference programs, run the way the issue that set the targets ran them, when their
 * binaries are on PATH (`--compare-c`): Christian Borgelt's `fpgrowth`, `eclat` and `apriori`
 * (https://borgelt.net, FIMI format in, one itemset per line out) on PATH, and Mohammed Zaki's
 * cSPADE tool chain (`makebin`, `getconf`, `exttpose`, `spade`, from zakimjz/SPADE and tposedb)
 * in the directory `CSPADE_BIN` names (its `getconf` would clash with the system's). They are
 * not dependencies: absent, each is skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether `name` is an executable on PATH. */
export function onPath(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** The directory of cSPADE's four programs (`CSPADE_BIN`), or null when it is not set or lacks one. */
export function cspadeDir(): string | null {
  const dir = process.env.CSPADE_BIN;
  if (dir === undefined || dir === '') return null;
  return ['makebin', 'getconf', 'exttpose', 'spade'].every((p) => existsSync(join(dir, p))) ? dir : null;
}

/** One timed run of a whole process: wall time, and its peak memory when GNU time is there. */
export interface ProcessRun { ms: number; peakRssMb: number; count: number }

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = (): boolean => spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/** Runs `command args` once; `count` reads the result size from its output. Peak RSS from GNU time's %M (0 without it). */
export function timed(command: string, args: string[], count: (stdout: string) => number): ProcessRun {
  const withTime = hasGnuTime();
  const started = performance.now();
  const out = withTime
    ? spawnSync(GNU_TIME, ['-f', 'peak-kb %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${out.status}):\n${out.stderr}`);
  const kb = /peak-kb (\d+)/.exec(out.stderr)?.[1];
  return { ms, peakRssMb: kb === undefined ? 0 : Number(kb) / 1024, count: count(out.stdout) };
}

/** Borgelt's itemset programs: absolute minimum count (`-s-N`), frequent sets, written to a file whose lines are counted. */
export function borgelt(program: 'fpgrowth' | 'eclat' | 'apriori', file: string, minCount: number): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'crm-c-'));
  try {
    const outFile = join(dir, 'sets.txt');
    const run = timed(program, [`-s-${minCount}`, file, outFile], () => 0);
    run.count = readFileSync(outFile, 'utf8').split('\n').filter((l) => l !== '').length;
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * cSPADE on an SPMF sequence file: each sequence becomes a customer, each itemset an event
 * (`<cid> <tid> <n> <items>`, items as integers), then makebin, getconf, exttpose and spade as
 * arulesSequences runs them. Only spade's own run is timed, like the reference figure; the count
 * is the number of patterns it prints.
 */
export function cspade(bin: string, spmfFile: string, minSupport: number): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'crm-spade-'));
  try {
    const lines: string[] = [];
    readFileSync(spmfFile, 'utf8').split('\n').forEach((line, cid) => {
      let tid = 0;
      let items: string[] = [];
      for (const token of line.trim().split(/\s+/)) {
        if (token === '-1') {
          if (items.length > 0) lines.push(`${cid + 1} ${++tid} ${items.length} ${[...new Set(items)].sort((a, b) => Number(a) - Number(b)).join(' ')}`);
          items = [];
        } else if (token === '-2' || token === '') break;
        else items.push(token);
      }
    });
    const base = join(dir, 'db');
    writeFileSync(`${base}.asc`, `${lines.join('\n')}\n`);
    for (const [cmd, args] of [['makebin', [`${base}.asc`, `${base}.data`]], ['getconf', ['-i', base, '-o', base]], ['exttpose', ['-i', base, '-o', base, '-p', '1', '-l', '-x', '-s', String(minSupport)]]] as const) {
      const out = spawnSync(join(bin, cmd), [...args], { encoding: 'utf8', cwd: dir });
      if (out.status !== 0) throw new Error(`${cmd} failed:\n${out.stderr}`);
    }
    return timed(join(bin, 'spade'), ['-i', base, '-s', String(minSupport), '-e', '1', '-r', '-o'], (stdout) => stdout.split('\n').filter((l) => / -- \d+/.test(l)).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
