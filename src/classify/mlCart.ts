import { lazyModule } from '../core/lazyModule';

/** ml-cart, only for `new DecisionTree({ engine: 'ml-cart' })`. */
export const mlCartModule = lazyModule<typeof import('ml-cart')>('ml-cart', 'npm install ml-cart@2', () => import('ml-cart'), (m) => typeof m.DecisionTreeClassifier === 'function', 'call await loadCartEngine() once first');

/**
 * Loads ml-cart ahead of `new DecisionTree({ engine: 'ml-cart' })`: needed once in browsers (the
 * bundler puts it in its own chunk); on Node it loads by itself on first use.
 * @example
 * await loadCartEngine();
 * new DecisionTree({ engine: 'ml-cart' }).fit(X, y);
 */
export async function loadCartEngine(): Promise<void> {
  await mlCartModule.load();
}
