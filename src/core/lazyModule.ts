import { CrmMiningError } from './errors';
import { nodeRequire } from './nodeRequire';

/** A dependency loaded on first use, so that `import 'crm-mining'` does not pay for it. */
export interface LazyModule<T> {
  /**
   * The module, loaded synchronously on Node (through `require`, also for ES modules on
   * Node ≥ 20.19); elsewhere only after {@link LazyModule.load} or {@link LazyModule.provide}.
   * @throws {CrmMiningError} code `'DEPENDENCY'` with the install command when it is missing.
   */
  get(): T;
  /** Loads it ahead of time (browsers: the bundler's chunk). */
  load(): Promise<T>;
  /** Uses a module the caller imported itself (browsers, bundled apps). */
  provide(module: unknown): T;
}

/**
 * Declares a lazily loaded dependency.
 * @param name - The package name, as `require` resolves it from crm-mining.
 * @param install - The install command named in the error when it is missing.
 * @param importer - Loads it asynchronously (a literal `import()` that bundlers split into its
 *   own chunk), or null for optional peers that a bundle must not try to resolve.
 * @param isModule - Tells the module's namespace from a wrapper (`default`) around it.
 * @param loader - What to do where there is no `require` (browsers), said in the error.
 * @example
 * const kmeansLib = lazyModule('ml-kmeans', 'npm install ml-kmeans', () => import('ml-kmeans'), (m) => typeof m.kmeans === 'function', 'call await loadKmeansEngine() once first');
 * kmeansLib.get().kmeans(data, 3, {});
 */
export function lazyModule<T>(name: string, install: string, importer: (() => Promise<unknown>) | null, isModule: (m: Record<string, unknown>) => boolean, loader = 'load it first'): LazyModule<T> {
  let loaded: T | null = null;
  const missing = (cause: unknown) => new CrmMiningError('DEPENDENCY', `this needs the ${name} package, which is not installed (${install})`, { dependency: name }, { cause });
  const provide = (mod: unknown): T => {
    const ns = mod as Record<string, unknown> | null;
    const picked = ns !== null && typeof ns === 'object' && !isModule(ns) && typeof ns.default === 'object' && ns.default !== null ? ns.default : ns;
    if (picked === null || typeof picked !== 'object' || !isModule(picked as Record<string, unknown>)) {
      throw new CrmMiningError('DEPENDENCY', `the module given for ${name} does not look like ${name}`, { dependency: name });
    }
    loaded = picked as T;
    return loaded;
  };
  return {
    get() {
      if (loaded !== null) return loaded;
      const req = nodeRequire();
      if (req === null) {
        throw new CrmMiningError('DEPENDENCY', `${name} is not loaded yet (no require here): ${loader}`, { dependency: name });
      }
      let mod: unknown;
      try {
        mod = req(name);
      } catch (cause) {
        throw missing(cause);
      }
      return provide(mod);
    },
    async load() {
      if (loaded !== null) return loaded;
      if (nodeRequire() !== null || importer === null) {
        try {
          return this.get();
        } catch (error) {
          // A bundled Node app: require resolves from the bundle, the bundler's import may not.
          if (importer === null) throw error;
        }
      }
      try {
        return provide(await importer());
      } catch (cause) {
        if ((cause as { code?: unknown }).code === 'DEPENDENCY') throw cause;
        throw missing(cause);
      }
    },
    provide,
  };
}
