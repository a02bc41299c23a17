let counts16: Uint8Array | null = null;

/**
 * The number of set bits of every 16-bit value, made on first use (64 KB), for the bitset
 * supports of Eclat and LCM. Two lookups count a 32-bit word: 20–30% faster than a SWAR
 * popcount in those intersections.
 * @example
 * const bits = bitCounts16();
 * bits[0b1011] //=> 3
 * bits[v & 0xffff] + bits[v >>> 16] // the set bits of a 32-bit word v
 */
export function bitCounts16(): Uint8Array {
  if (counts16 === null) {
    counts16 = new Uint8Array(1 << 16);
    for (let i = 1; i < 1 << 16; i++) counts16[i] = (i & 1) + (counts16[i >>> 1] as number);
  }
  return counts16;
}
