import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemsetTable, mineTable } from './frequentItemsets';
import { mergeBranches, TopBranches } from './topBranches';

/** A part that mines exactly the branches `mine` lists (ascending), then stops. */
const partOf = (mine: number[]): TopBranches => {
  let i = 0;
  return new TopBranches(() => (i < mine.length ? (mine[i++] as number) : Number.MAX_SAFE_INTEGER));
};

describe('a search split by first item, merged in branch order, is the one-thread search', () => {
  const baskets = fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 7 }), { minLength: 1, maxLength: 40 });
  it('for any assignment of branches to 1-4 parts (fast-check), FP-Growth and Eclat, with and without maxLength', () => {
    fc.assert(fc.property(baskets, fc.integer({ min: 1, max: 4 }), fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }), fc.constantFrom(Infinity, 2), fc.constantFrom('fpgrowth', 'eclat'), (bs, minCount, owner, maxLength, algorithm) => {
      const options = { minCount, maxLength, algorithm } as const;
      const whole = itemsetTable(bs, options);
      const parts = [0, 1, 2, 3].map((p) => {
        const branches = partOf(owner.flatMap((o, b) => (o === p ? [b] : [])));
        return { table: mineTable(bs, options, undefined, branches).table, blocks: branches.toArray() };
      });
      expect(mergeBranches(parts)).toEqual(whole);
    }));
  });

  it('refuses to split Apriori or closed sets', () => {
    expect(() => mineTable([['a']], { algorithm: 'apriori' }, undefined, new TopBranches())).toThrow(/does not split by branch/);
    expect(() => mineTable([['a']], { kind: 'closed' }, undefined, new TopBranches())).toThrow(/does not split by branch/);
  });
});
