import { OptionError } from './errors';

/**
 * What an option must be: a JavaScript type, `'time'` (a Date, epoch ms or ISO-8601 string),
 * `'numberOrNull'`, `'array'`, `'signal'` (an AbortSignal) or `'any'` (checked by the function).
 */
export type OptionKind = 'number' | 'string' | 'boolean' | 'function' | 'object' | 'time' | 'numberOrNull' | 'array' | 'regexpOrFunction' | 'signal' | 'any';

/** The options every long-running function takes ({@link RunOptions}). */
export const RUN_OPTIONS = { signal: 'signal', onProgress: 'function' } as const satisfies Record<string, OptionKind>;

/**
 * Checks a plain-JavaScript caller's options object: every name must be known (a misspelled
 * `minSupp` is an error naming `minSupport`, not silently ignored) and every value of the kind
 * expected (`horizonDays: '90'` says it must be a number, not a string). Ranges stay with each
 * function.
 * @param fn - The function's name, for the message.
 * @param options - What the caller passed (undefined is an empty object).
 * @param spec - Each known option and its kind.
 * @throws {OptionError} code `'OPTION'` naming the option, what was expected and, for an unknown name, the closest known one.
 * @example
 * checkOptions('associationRules', { minSupp: 0.1 }, { minSupport: 'number' })
 * // OptionError: associationRules: unknown option 'minSupp' (did you mean 'minSupport'?)
 */
export function checkOptions(fn: string, options: unknown, spec: Readonly<Record<string, OptionKind>>): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError(`${fn}: options must be an object such as { ${Object.keys(spec).slice(0, 2).join(': …, ')}: … }, got ${describe(options)}`);
  }
  for (const [name, value] of Object.entries(options)) {
    const kind = spec[name];
    if (kind === undefined) {
      const near = closest(name, Object.keys(spec));
      throw new OptionError(`${fn}: unknown option '${name}'${near === null ? '' : ` (did you mean '${near}'?)`}; known options: ${Object.keys(spec).join(', ')}`, { option: name });
    }
    if (value === undefined || fits(value, kind)) continue;
    throw new OptionError(`${fn}: option ${name} must be ${EXPECTED[kind]}, got ${describe(value)}`, { option: name, value });
  }
}

const EXPECTED: Record<OptionKind, string> = {
  number: 'a number', string: 'a string', boolean: 'true or false', function: 'a function', object: 'an object',
  time: 'a Date, epoch milliseconds or an ISO-8601 string', numberOrNull: 'a number or null', array: 'an array',
  regexpOrFunction: 'a RegExp or a function', signal: 'an AbortSignal', any: 'given',
};

function fits(value: unknown, kind: OptionKind): boolean {
  switch (kind) {
    case 'number': return typeof value === 'number';
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'function': return typeof value === 'function';
    case 'object': return typeof value === 'object' && value !== null;
    case 'time': return value instanceof Date || typeof value === 'number' || typeof value === 'string';
    case 'numberOrNull': return value === null || typeof value === 'number';
    case 'array': return Array.isArray(value);
    case 'regexpOrFunction': return value instanceof RegExp || typeof value === 'function';
    case 'signal': return typeof value === 'object' && value !== null && typeof (value as { aborted?: unknown }).aborted === 'boolean';
    case 'any': return true;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** The known name nearest to `name` (case-insensitive edit distance at most a third of its length), or null. */
function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const prefix = known.find((k) => k.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3);
  if (prefix !== undefined) return prefix;
  return bestDistance <= Math.max(2, Math.ceil(name.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}
