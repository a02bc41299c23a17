/**
 * The next part of a search split over workers (a root item, a first item, …) for this run to
 * take: any number past the last part ends the run.
 */
export type Claim = () => number;

/** Parts 0, 1, 2, … in turn: a run alone takes every part. */
export function inTurn(): Claim {
  let next = 0;
  return () => next++;
}

/** Parts taken one at a time from a counter in shared memory (`Int32Array` over a `SharedArrayBuffer`): no two workers take the same part. */
export const sharedClaim = (counter: Int32Array): Claim => () => Atomics.add(counter, 0, 1);

/** Claims part `i` in shared flags: true for the first worker to ask. */
export const claimIn = (flags: Int32Array) => (i: number): boolean => Atomics.compareExchange(flags, i, 0, 1) === 0;
