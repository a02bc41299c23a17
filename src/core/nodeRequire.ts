interface NodeModuleApi { createRequire(from: string): NodeJS.Require }

/**
 * A `require` for optional Node-only dependencies, resolved from this package, or null outside
 * Node (browsers, workers of bundlers). Reached through `process.getBuiltinModule` so that
 * bundlers see no static `node:` import.
 * @example
 * nodeRequire()?.resolve('vega') //=> '/app/node_modules/vega/build/vega.module.js'
 */
export function nodeRequire(): NodeJS.Require | null {
  return nodeBuiltin<NodeModuleApi>('node:module')?.createRequire(import.meta.url) ?? null;
}

/**
 * A Node built-in module (e.g. `'node:fs'`) without a static import, or null outside Node.
 * @example
 * nodeBuiltin<typeof import('node:fs')>('node:fs')?.existsSync('x')
 */
export function nodeBuiltin<T>(id: string): T | null {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  return typeof get === 'function' ? (get(id) as T) : null;
}
