type NumericArray = Int32Array | Float64Array;
type NumericArrayCtor<T extends NumericArray> = new (length: number) => T;

/** An append-only typed array that doubles its capacity as it fills. */
export class Growable<T extends NumericArray> {
  private data: T;
  length = 0;
  constructor(private readonly Ctor: NumericArrayCtor<T>, capacity = 1024) {
    this.data = new Ctor(Math.max(16, capacity));
  }
  /** Elements the array has room for now. */
  get capacity(): number {
    return this.data.length;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.Ctor(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] as number;
  }
  /** A trimmed copy of the contents. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}
