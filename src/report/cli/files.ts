import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OptionError } from '../../core/errors';

/**
 * Checks the output files before any work: none may be the input or another output, and each
 * folder must exist and be writable (so a long analysis does not fail at its very end).
 * @throws {OptionError} naming the flag and the path.
 */
export function checkOutputs(input: string, outputs: ReadonlyArray<[flag: string, path: string]>): void {
  const seen = new Map<string, string>([[resolve(input), 'the input FILE']]);
  for (const [flag, path] of outputs) {
    const full = resolve(path);
    const clash = seen.get(full);
    if (clash !== undefined) throw new OptionError(`${flag} ${path} is ${clash}: writing it would ${clash === 'the input FILE' ? 'destroy the data' : 'keep only one of them'}`);
    seen.set(full, flag);
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory() === true) throw new OptionError(`${flag} ${path} is a directory: name a file`);
    try {
      accessSync(dirname(full), constants.W_OK);
    } catch {
      throw new OptionError(`${flag} ${path}: the folder ${dirname(full)} does not exist or is not writable`);
    }
  }
}

/**
 * Writes a file so that a good one is only ever replaced by a complete new one: the text goes
 * to a temporary file in the same folder, which is then renamed over the target. A full disk
 * (ENOSPC) leaves the previous file as it was.
 * @example
 * writeAtomically('report.html', html);
 */
export function writeAtomically(path: string, text: string): void {
  const tmp = `${resolve(path)}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
