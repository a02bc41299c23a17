import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Growable } from './growable';

describe('Growable', () => {
  it('holds what was pushed, in order, across chunks (fast-check against a plain array)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 3000 }), fc.integer({ min: 1, max: 64 }), (values, capacity) => {
      const g = new Growable(Int32Array, capacity);
      for (const v of values) g.push(v);
      expect(g.length).toBe(values.length);
      expect(g.capacity).toBeGreaterThanOrEqual(values.length);
      expect(Array.from(g.toArray())).toEqual(values);
      for (let i = 0; i < values.length; i += 7) expect(g.get(i)).toBe(values[i]);
    }));
  });

  it('reserved room or not, take() gives what was pushed: the chunk itself when it is one chunk at least 90% full (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 3000 }), fc.integer({ min: 0, max: 4000 }), (values, reserved) => {
      const g = new Growable(Int32Array, 16);
      g.reserve(reserved);
      for (const v of values) g.push(v);
      const taken = g.take();
      expect(Array.from(taken)).toEqual(values);
      const first = Math.max(reserved, 16);
      const view = values.length <= first && values.length >= 0.9 * first;
      expect(taken.buffer.byteLength).toBe(4 * (view ? first : values.length));
    }));
    // Reserving after a push changes nothing.
    const g = new Growable(Float64Array, 16);
    g.push(1.5);
    g.reserve(1000);
    expect(g.capacity).toBe(16);
  });

  it('keeps doubles exact past a million elements (chunks of the largest size)', () => {
    const g = new Growable(Float64Array, 16);
    for (let i = 0; i < 2_500_000; i++) g.push(i / 3);
    const a = g.toArray();
    expect(a.length).toBe(2_500_000);
    expect(a[2_499_999]).toBe(2_499_999 / 3);
    expect(g.get(1_234_567)).toBe(1_234_567 / 3);
  });

  it('pushAll appends a run, within a chunk or across chunk boundaries (fast-check against a plain array)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 }), { maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (runs, capacity) => {
      const g = new Growable(Int32Array, capacity);
      for (const run of runs) g.pushAll(Int32Array.from([...run, 7]), run.length);
      expect(Array.from(g.toArray())).toEqual(runs.flat());
    }));
  });
});
