import { CrmMiningError } from '../core/errors';
import { nodeRequire } from '../core/nodeRequire';

/** The brain.js module (loaded on first use: importing it costs ~150 ms). */
export type Brain = typeof import('brain.js');

let brain: Brain | null = null;

/**
 * brain.js, loaded synchronously on Node ≥ 20.16; elsewhere (browsers) after
 * {@link loadNeuralRuntime} resolved.
 * @throws {CrmMiningError} code `'DEPENDENCY'` when it cannot be loaded.
 */
export function brainSync(): Brain {
  if (brain !== null) return brain;
  const req = nodeRequire();
  if (req === null) throw new CrmMiningError('DEPENDENCY', 'brain.js is not loaded yet: await loadNeuralRuntime() once before fitting or restoring a NeuralNetwork here');
  try {
    brain = req('brain.js') as Brain;
  } catch (cause) {
    throw new CrmMiningError('DEPENDENCY', 'NeuralNetwork needs the brain.js package (npm install brain.js@2.0.0-beta.24 gpu.js@2)', undefined, { cause });
  }
  return brain;
}

/** Absolute path of brain.js's entry, for worker threads (Node only). */
export function brainPath(): string {
  const req = nodeRequire();
  if (req === null) throw new CrmMiningError('DEPENDENCY', 'training in a worker thread needs Node.js >= 20.16');
  return req.resolve('brain.js');
}

/**
 * Loads brain.js ahead of time. Needed once in browsers (bundlers split it into its own
 * chunk); on Node it is optional and only moves the ~150 ms load earlier.
 * @example
 * await loadNeuralRuntime();
 * const model = new NeuralNetwork().fit(X, y);
 */
export async function loadNeuralRuntime(): Promise<void> {
  if (brain !== null) return;
  const mod = (await import('brain.js')) as Brain & { default?: Brain };
  brain = typeof mod.NeuralNetwork === 'function' ? mod : (mod.default as Brain);
}
