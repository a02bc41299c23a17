import { lazyModule } from '../core/lazyModule';

/** ml-kmeans, only for `kmeans(…, { engine: 'ml-kmeans' })` (importing it costs ~0.2 s). */
export const mlKmeansModule = lazyModule<typeof import('ml-kmeans')>('ml-kmeans', 'npm install ml-kmeans@7', () => import('ml-kmeans'), (m) => typeof m.kmeans === 'function', 'call await loadKmeansEngine() once first');

/**
 * Loads ml-kmeans ahead of `kmeans(…, { engine: 'ml-kmeans' })`: needed once in browsers (the
 * bundler puts it in its own chunk); on Node it loads by itself on first use.
 * @example
 * await loadKmeansEngine();
 * kmeans(X, 3, { engine: 'ml-kmeans' });
 */
export async function loadKmeansEngine(): Promise<void> {
  await mlKmeansModule.load();
}
