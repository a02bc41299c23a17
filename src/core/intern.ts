/**
 * Maps strings to dense integer ids (0, 1, 2, … in first-seen order). Remembers the last key,
 * since consecutive rows usually repeat the customer, order or time.
 */
export class Interner {
  private readonly map = new Map<string, number>();
  private lastKey: string | undefined = undefined;
  private lastId = -1;

  /** The id of `key`, or undefined if it was never interned. */
  get(key: string): number | undefined {
    if (key === this.lastKey) return this.lastId;
    return this.map.get(key);
  }

  /** The id of `key`, adding it if new. */
  id(key: string): number {
    if (key === this.lastKey) return this.lastId;
    let id = this.map.get(key);
    if (id === undefined) {
      id = this.map.size;
      // Keys cut from a large text chunk would keep the whole chunk alive; store a copy.
      this.map.set(key.length > 12 ? flatCopy(key) : key, id);
    }
    this.lastKey = key;
    this.lastId = id;
    return id;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.map.size;
  }

  /** The keys, indexed by id. */
  names(): string[] {
    return [...this.map.keys()];
  }

  /** The key of an id (linear; for error messages only). */
  nameOf(id: number): string | undefined {
    for (const [key, value] of this.map) if (value === id) return key;
    return undefined;
  }
}

function flatCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
