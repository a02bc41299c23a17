/**
 * An FP-tree in typed arrays. Items are local indexes 0..nItems-1 whose order follows the
 * global frequency ranks; paths are inserted in ascending item order. Node 0 is the root.
 */
export class FpTree {
  item: Int32Array;
  count: Int32Array;
  parent: Int32Array;
  /** Next node with the same item (the node-link), -1 at the end. */
  next: Int32Array;
  firstChild: Int32Array;
  sibling: Int32Array;
  /** First node of each item's node-link, -1 if none (the first `nItems` entries). */
  head: Int32Array;
  /** Total count per item (the first `nItems` entries). */
  total: Int32Array;
  private rootChild: Int32Array;
  /** Open-addressing index of (parent, item) -> node + 1, so wide nodes find children fast. */
  private slots: Int32Array;
  size = 1;

  constructor(public nItems: number, capacity: number) {
    const cap = Math.max(2, capacity + 1);
    this.item = new Int32Array(cap);
    this.count = new Int32Array(cap);
    this.parent = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.firstChild = new Int32Array(cap).fill(-1);
    this.sibling = new Int32Array(cap);
    this.head = new Int32Array(nItems).fill(-1);
    this.total = new Int32Array(nItems);
    this.rootChild = new Int32Array(nItems).fill(-1);
    this.slots = new Int32Array(tableSize(cap));
    this.item[0] = -1;
  }

  /**
   * Empties the tree for `nItems` items and about `capacity` nodes, keeping its arrays where they
   * are large enough: one tree per level of a search is reused from one conditional base to the
   * next, instead of nine new arrays per conditional tree.
   */
  reset(nItems: number, capacity: number): this {
    const cap = Math.max(2, capacity + 1);
    if (this.item.length < cap) {
      this.item = new Int32Array(cap);
      this.count = new Int32Array(cap);
      this.parent = new Int32Array(cap);
      this.next = new Int32Array(cap);
      this.firstChild = new Int32Array(cap);
      this.sibling = new Int32Array(cap);
    }
    if (this.head.length < nItems) {
      this.head = new Int32Array(nItems);
      this.total = new Int32Array(nItems);
      this.rootChild = new Int32Array(nItems);
    }
    this.nItems = nItems;
    this.head.fill(-1, 0, nItems);
    this.total.fill(0, 0, nItems);
    this.rootChild.fill(-1, 0, nItems);
    // A table much larger than this tree needs would cost its whole length to clear.
    const slots = tableSize(cap);
    if (this.slots.length < slots || this.slots.length > 4 * slots) this.slots = new Int32Array(slots);
    else this.slots.fill(0);
    this.size = 1;
    this.item[0] = -1;
    this.firstChild[0] = -1;
    return this;
  }

  /** Inserts the path `items[from..to)` (ascending local items) with a count. */
  insert(items: Int32Array, from: number, to: number, cnt: number): void {
    let node = 0;
    for (let i = from; i < to; i++) {
      const it = items[i] as number;
      this.total[it] = (this.total[it] as number) + cnt;
      let child = node === 0 ? (this.rootChild[it] as number) : this.findChild(node, it);
      if (child < 0) {
        child = this.size++;
        if (child >= this.item.length) this.grow();
        this.item[child] = it;
        this.count[child] = 0;
        this.parent[child] = node;
        this.firstChild[child] = -1;
        this.sibling[child] = this.firstChild[node] as number;
        this.firstChild[node] = child;
        this.next[child] = this.head[it] as number;
        this.head[it] = child;
        if (node === 0) this.rootChild[it] = child;
        else this.index(child);
      }
      this.count[child] = (this.count[child] as number) + cnt;
      node = child;
    }
  }

  /** Bytes held by the tree's arrays. */
  bytes(): number {
    return 24 * this.item.length + 4 * this.slots.length + 12 * this.nItems;
  }

  /** True when no node has more than one child. */
  isSinglePath(): boolean {
    for (let v = 0; v < this.size; v++) {
      const c = this.firstChild[v] as number;
      if (c >= 0 && (this.sibling[c] as number) >= 0) return false;
    }
    return true;
  }

  private findChild(node: number, it: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash(node, it) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s] as number;
      if (v === 0) return -1;
      if (this.parent[v - 1] === node && this.item[v - 1] === it) return v - 1;
    }
  }

  private index(child: number): void {
    if (child * 2 >= this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let v = 1; v < child; v++) if (this.parent[v] !== 0) this.place(v);
    }
    this.place(child);
  }

  private place(v: number): void {
    const mask = this.slots.length - 1;
    let s = hash(this.parent[v] as number, this.item[v] as number) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = v + 1;
  }

  private grow(): void {
    const cap = this.item.length * 2;
    const g = (a: Int32Array): Int32Array => { const b = new Int32Array(cap); b.set(a); return b; };
    this.item = g(this.item);
    this.count = g(this.count);
    this.parent = g(this.parent);
    this.next = g(this.next);
    this.firstChild = g(this.firstChild);
    this.sibling = g(this.sibling);
  }
}

function hash(parent: number, item: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ item;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function tableSize(nodes: number): number {
  let size = 16;
  while (size < nodes * 2) size *= 2;
  return size;
}
