import { CrmMiningError } from '../core/errors';
import { nodeBuiltin, nodeRequire } from '../core/nodeRequire';
import type { VegaLiteSpec } from './charts';

/** A compiled Vega specification (what the inlined runtime renders). */
export type VegaSpec = Record<string, unknown>;

/**
 * The minified Vega runtime (UMD, defines `window.vega`), read from the installed `vega`
 * package so the report needs no network when it is opened.
 * @throws {CrmMiningError} code `'DEPENDENCY'` outside Node or when vega is not installed.
 */
export function vegaScript(): string {
  const req = nodeRequire();
  const fs = nodeBuiltin<typeof import('node:fs')>('node:fs');
  const path = nodeBuiltin<typeof import('node:path')>('node:path');
  if (req === null || fs === null || path === null) throw new CrmMiningError('DEPENDENCY', 'reading the vega runtime needs Node.js >= 20.16; elsewhere pass renderReport the script text as { vegaScript }');
  try {
    return fs.readFileSync(path.join(path.dirname(req.resolve('vega')), 'vega.min.js'), 'utf8');
  } catch (cause) {
    throw new CrmMiningError('DEPENDENCY', 'the HTML report needs the vega package (npm install vega@6 vega-lite@6)', undefined, { cause });
  }
}

/**
 * Compiles Vega-Lite specs to Vega with vega-lite (loaded on first use), so the page only
 * needs the Vega runtime.
 * @throws {CrmMiningError} code `'DEPENDENCY'` when vega-lite is not installed.
 */
export async function compileSpecs(specs: Readonly<Record<string, VegaLiteSpec>>): Promise<Record<string, VegaSpec>> {
  const vl = await loadPackage('vega-lite', () => import('vega-lite'));
  const quiet = { level: () => quiet, error: () => quiet, warn: () => quiet, info: () => quiet, debug: () => quiet };
  const out: Record<string, VegaSpec> = {};
  for (const [id, spec] of Object.entries(specs)) out[id] = vl.compile(spec as never, { logger: quiet as never }).spec as unknown as VegaSpec;
  return out;
}

/**
 * Draws compiled Vega specs as static SVG with vega (loaded on first use), for pages that carry
 * no script: the report made in a browser, where the runtime's text cannot be read from a file.
 * @throws {CrmMiningError} code `'DEPENDENCY'` when vega is not installed.
 */
export async function renderSvgs(specs: Readonly<Record<string, VegaSpec>>): Promise<Record<string, string>> {
  const vega = await loadPackage('vega', () => import('vega'));
  const out: Record<string, string> = {};
  for (const [id, spec] of Object.entries(specs)) {
    const view = new vega.View(vega.parse(spec as never), { renderer: 'none' });
    out[id] = await view.toSVG();
    view.finalize();
  }
  return out;
}

/** A report dependency, loaded on first use (bundlers split it into a chunk of its own). */
async function loadPackage<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new CrmMiningError('DEPENDENCY', `the HTML report needs the ${name} package (npm install vega@6 vega-lite@6)`, undefined, { cause });
  }
}
