/**
 * For the tests' brute force: every sequential pattern over an alphabet with at most `maxItems`
 * items in all (itemsets non-empty, in the alphabet's order).
 * @example
 * allPatterns(['a', 'b'], 2).length //=> 7: ⟨a⟩, ⟨b⟩, ⟨(a b)⟩, ⟨a a⟩, ⟨a b⟩, ⟨b a⟩, ⟨b b⟩
 */
export function allPatterns(alphabet: readonly string[], maxItems: number): string[][][] {
  const sets: string[][] = [];
  for (let mask = 1; mask < 1 << alphabet.length; mask++) sets.push(alphabet.filter((_, i) => mask & (1 << i)));
  const out: string[][][] = [];
  const extend = (p: string[][], items: number) => {
    if (p.length > 0) out.push(p);
    for (const s of sets) if (items + s.length <= maxItems) extend([...p, s], items + s.length);
  };
  extend([], 0);
  return out;
}
