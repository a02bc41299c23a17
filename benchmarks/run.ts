/**
 * Runs the benchmark suites. `npm run bench` runs all; `npm run bench -- load` one;
 * `--quick` uses the small sizes only (for CI).
 */
const SUITES: Record<string, () => Promise<{ run: () => Promise<unknown> }>> = {
  load: () => import('./load.bench'),
  association: () => import('./association.bench'),
  clv: () => import('./clv.bench'),
  sequence: () => import('./sequence.bench'),
  ml: () => import('./ml.bench'),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in SUITES));
if (unknown.length > 0) {
  console.error(`unknown benchmark suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
for (const name of names.length > 0 ? names : Object.keys(SUITES)) {
  const suite = await SUITES[name]?.();
  await suite?.run();
}
export {};
