import { logGamma } from './math';
import { OptionError } from './errors';

/** A seeded pseudo-random generator; every randomized algorithm in the library draws from one. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal. */
  normal(): number;
  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** Gamma with shape and scale (mean shape·scale). */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b). */
  beta(a: number, b: number): number;
  /** Poisson with mean lambda. */
  poisson(lambda: number): number;
  /** Shuffles an array or typed array in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(values: T): T;
  /** An independent generator derived from this one (for parallel or nested streams). */
  fork(): Rng;
}

/**
 * Creates a seeded generator (xoshiro128**, seeded through splitmix32). The same seed gives
 * the same stream on every platform.
 * @param seed - An integer or a string.
 * @returns A generator; see {@link Rng}.
 * @throws {OptionError} code `'OPTION'` if the seed is not a finite number or a string.
 * @example
 * const rng = createRng(42);
 * rng.int(6) //=> same value on every run
 */
export function createRng(seed: number | string): Rng {
  if (typeof seed === 'number' && !Number.isFinite(seed)) throw new OptionError(`seed must be a finite number or a string, got ${seed}`, { seed });
  if (typeof seed !== 'number' && typeof seed !== 'string') throw new OptionError(`seed must be a finite number or a string, got ${typeof seed}`, { seed });
  let s = typeof seed === 'string' ? hashString(seed) : mixNumber(seed);
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return xoshiro(splitmix(), splitmix(), splitmix(), splitmix());
}

function xoshiro(a: number, b: number, c: number, d: number): Rng {
  if ((a | b | c | d) === 0) a = 1;
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11);
    return result >>> 0;
  };
  const next = (): number => (nextU32() * 2 ** 21 + (nextU32() >>> 11)) / 2 ** 53;
  const normal = (): number => {
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const q = u * u + v * v;
      if (q > 0 && q < 1) return u * Math.sqrt((-2 * Math.log(q)) / q);
    }
  };
  const gamma = (shape: number, scale = 1): number => {
    if (shape < 1) return gamma(shape + 1, scale) * Math.pow(1 - next(), 1 / shape);
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number, v: number;
      do { x = normal(); v = 1 + cc * x; } while (v <= 0);
      v = v * v * v;
      const u = 1 - next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v * scale;
    }
  };
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    normal,
    exponential: (rate) => -Math.log(1 - next()) / rate,
    gamma,
    beta: (x, y) => { const g = gamma(x); return g / (g + gamma(y)); },
    poisson: (lambda) => (lambda < 10 ? poissonSmall(lambda, next) : poissonPtrs(lambda, next)),
    shuffle: (values) => {
      for (let i = values.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = values[i];
        values[i] = values[j];
        values[j] = tmp;
      }
      return values;
    },
    fork: () => xoshiro(nextU32(), nextU32(), nextU32(), nextU32()),
  };
  return rng;
}

function poissonSmall(lambda: number, next: () => number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = next();
  while (p > limit) { k++; p *= next(); }
  return k;
}

/** Hörmann's transformed rejection (PTRS), exact for lambda >= 10. */
function poissonPtrs(lambda: number, next: () => number): number {
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = next() - 0.5;
    const v = next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) return k;
  }
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

function mixNumber(seed: number): number {
  const lo = seed | 0;
  const hi = Math.floor(seed / 2 ** 32) | 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1)) | 0;
}
