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

  it('moves into a resizable buffer past 256 KB and hands it over without a copy; values, get() and take() stay right', () => {
    const canResize = typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === 'function';
    // [pushes, first chunk, reserved, grows in place]: 70,000 pushes from a 1,024 chunk never fill the 256 KB chunk.
    for (const [n, capacity, reserved, inPlace] of [[300_000, 16, 0, true], [70_000, 1024, 0, false], [200_000, 16, 100_000, true], [50_000, 16, 100_000, true]] as const) {
      const g = new Growable(Int32Array, capacity);
      g.reserve(reserved);
      for (let i = 0; i < n; i++) g.push((i * 2654435761) | 0);
      for (let i = 0; i < n; i += 997) expect(g.get(i)).toBe((i * 2654435761) | 0);
      const copy = g.toArray();
      const taken = g.take();
      expect(taken.length).toBe(n);
      expect(copy.length).toBe(n);
      for (let i = 0; i < n; i++) if (taken[i] !== ((i * 2654435761) | 0) || copy[i] !== taken[i]) throw new Error(`element ${i}`);
      expect((taken.buffer as ArrayBuffer & { resizable?: boolean }).resizable === true).toBe(canResize && inPlace);
    }
    const d = new Growable(Float64Array, 16);
    d.pushAll(Float64Array.of(0.25, 0.5), 2);
    for (let i = 0; i < 100_000; i++) d.pushAll(Float64Array.of(i / 7), 1);
    const all = d.take();
    expect(all.length).toBe(100_002);
    expect([all[0], all[1], all[2], all[100_001]]).toEqual([0.25, 0.5, 0, 99_999 / 7]);
  });
});
