/**
 * Maps strings to dense integer ids (0, 1, 2, … in first-seen order). Keys can be given as
 * strings or as a character range of a larger text (the CSV fast path), which avoids making
 * a string per cell. An open-addressing hash table over FNV-1a hashes of the characters.
 */
export class Interner {
  private table = new Int32Array(1024); // id + 1 per slot, 0 = empty
  private hashes = new Int32Array(512);
  private readonly keys: string[] = [];
  private lastId = -1;

  /** Number of distinct keys. */
  get size(): number {
    return this.keys.length;
  }

  /** The keys, indexed by id. */
  names(): string[] {
    return this.keys.slice();
  }

  /** The key of an id. */
  nameOf(id: number): string | undefined {
    return this.keys[id];
  }

  /** The id of `key`, or -1 if it was never interned. */
  find(key: string): number {
    return this.findRange(key, 0, key.length);
  }

  /** The id of `key`, adding it if new. */
  id(key: string): number {
    return this.idOfRange(key, 0, key.length);
  }

  /** The id of `text[start..end)`, or -1. */
  findRange(text: string, start: number, end: number): number {
    const last = this.lastId;
    if (last >= 0 && sameChars(this.keys[last] as string, text, start, end)) return last;
    const h = hashRange(text, start, end);
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.hashes[id] === h && sameChars(this.keys[id] as string, text, start, end)) {
        this.lastId = id;
        return id;
      }
    }
  }

  /** The id of `text[start..end)`, adding it if new. */
  idOfRange(text: string, start: number, end: number): number {
    const found = this.findRange(text, start, end);
    if (found >= 0) return found;
    const id = this.keys.length;
    // A slice of a large chunk would keep the whole chunk alive; store a flat copy.
    const key = start === 0 && end === text.length ? text : text.slice(start, end);
    this.keys.push(end - start > 12 ? flatCopy(key) : key);
    if (id >= this.hashes.length) {
      const bigger = new Int32Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[id] = hashRange(text, start, end);
    if (this.keys.length * 2 > this.table.length) this.rehash();
    else this.place(id);
    this.lastId = id;
    return id;
  }

  private place(id: number): void {
    const mask = this.table.length - 1;
    let slot = (this.hashes[id] as number) & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let id = 0; id < this.keys.length; id++) this.place(id);
  }
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & 0x7fffffff;
}

function sameChars(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function flatCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
