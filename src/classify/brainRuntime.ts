import { CrmMiningError } from '../core/errors';
import { lazyModule } from '../core/lazyModule';
import { nodeRequire } from '../core/nodeRequire';

/** The brain.js module (an optional peer, loaded on first use: importing it costs ~150 ms). */
export type Brain = typeof import('brain.js');

const INSTALL = 'npm install brain.js@2.0.0-beta.24 gpu.js@2';

// No literal import('brain.js') here: brain.js is an optional peer, and a bundler would fail on
// an app that does not install it. Node requires it; a browser app passes the module it imported.
const brainModule = lazyModule<Brain>('brain.js', INSTALL, null, (m) => typeof m.NeuralNetwork === 'function', "import it in your app and pass it once: import * as brain from 'brain.js'; await loadNeuralRuntime(brain)");

/**
 * brain.js, loaded synchronously on Node; in browsers the module given to
 * {@link loadNeuralRuntime}.
 * @throws {CrmMiningError} code `'DEPENDENCY'` with the install command when it is missing.
 */
export function brainSync(): Brain {
  return brainModule.get();
}

/** Absolute path of brain.js's entry, for worker threads (Node only). */
export function brainPath(): string {
  const req = nodeRequire();
  if (req === null) throw new CrmMiningError('DEPENDENCY', 'training in a worker thread needs Node.js >= 20.16');
  try {
    return req.resolve('brain.js');
  } catch (cause) {
    throw new CrmMiningError('DEPENDENCY', `NeuralNetwork needs the brain.js package, which is not installed (${INSTALL})`, { dependency: 'brain.js' }, { cause });
  }
}

/**
 * Makes brain.js (an optional peer dependency) available to {@link NeuralNetwork}. On Node it
 * is optional: brain.js loads by itself on first use, and this only moves the ~150 ms earlier.
 * In browsers pass the module your app imports, once, before fitting or restoring a network.
 * @param brain - The brain.js module (`import * as brain from 'brain.js'`); on Node it may be left out.
 * @throws {CrmMiningError} code `'DEPENDENCY'` when brain.js is not installed, or `brain` is not it.
 * @example
 * import * as brain from 'brain.js';
 * await loadNeuralRuntime(brain);
 * const model = new NeuralNetwork().fit(X, y);
 */
export async function loadNeuralRuntime(brain?: unknown): Promise<void> {
  if (brain !== undefined) brainModule.provide(brain);
  else await brainModule.load();
}
