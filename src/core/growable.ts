type NumericArray = Int32Array | Float64Array;
interface NumericArrayCtor<T extends NumericArray> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** The largest chunk, in elements: past it, more room comes as more chunks of this size. */
const MAX_CHUNK = 1 << 20;

/**
 * Growing in place starts when the first chunk of at least this many bytes is full: small arrays
 * (PrefixSpan builds one per projection) never reserve a resizable buffer.
 */
const IN_PLACE_FROM_BYTES = 1 << 18;

/** The most a resizable buffer grows to before the array goes on in chunks. */
const MAX_IN_PLACE_BYTES = 2 ** 30;

type Resizable = ArrayBuffer & { resize(byteLength: number): void };

/** Whether this engine has resizable ArrayBuffers (Node 20, Deno, current browsers). */
const CAN_RESIZE = typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === 'function';

/** A resizable buffer of `bytes`, or null where the engine has none or will not reserve it. */
function resizable(bytes: number): Resizable | null {
  if (!CAN_RESIZE) return null;
  try {
    return new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => Resizable)(bytes, { maxByteLength: MAX_IN_PLACE_BYTES });
  } catch {
    return null;
  }
}

/**
 * An append-only typed array that never copies what it holds while it grows: fresh memory costs
 * a page fault on first touch (about 3 ms per MB on the CI machine class), and a doubling array
 * touches every element again at each doubling (10M pushes: 0.55–0.72 s doubling, 0.34–0.42 s in
 * chunks). Past 256 KB, where the engine has resizable ArrayBuffers, it grows one in place, so
 * {@link take} hands the contents over without a copy (60 MB of itemsets on chess @ 0.5: 175 ms
 * saved). Past 1 GiB, or without them, it adds chunks (each twice the last, up to a million
 * elements) and {@link take} copies once.
 */
export class Growable<T extends NumericArray> {
  private readonly full: T[] = [];
  /** Where each full chunk starts. */
  private readonly starts: number[] = [];
  private current: T;
  /** Elements in the full chunks. */
  private before = 0;
  /** Elements in the current chunk. */
  private used = 0;
  /** The resizable buffer under the current chunk while the array grows in place, else null. */
  private buffer: Resizable | null = null;
  /** Whether the array may still move into a resizable buffer (it has not tried yet). */
  private mayMove = true;

  constructor(private readonly Ctor: NumericArrayCtor<T>, capacity = 1024) {
    this.current = new Ctor(Math.max(16, Math.min(capacity, MAX_CHUNK)));
  }

  get length(): number {
    return this.before + this.used;
  }

  /** Elements the array has room for now. */
  get capacity(): number {
    return this.before + this.current.length;
  }

  push(value: number): void {
    if (this.used === this.current.length) this.nextChunk();
    this.current[this.used++] = value;
  }

  /** Appends `src[0..n)`: straight into the current chunk when it has room. */
  pushAll(src: NumericArray, n: number): void {
    const at = this.used;
    const chunk = this.current;
    if (at + n <= chunk.length) {
      for (let i = 0; i < n; i++) chunk[at + i] = src[i] as number;
      this.used = at + n;
      return;
    }
    for (let i = 0; i < n; i++) this.push(src[i] as number);
  }

  /** Element i: at once in the current chunk, else by a binary search over the full chunks' starts. */
  get(i: number): number {
    if (i >= this.before) return this.current[i - this.before] as number;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return (this.full[lo] as T)[i - (this.starts[lo] as number)] as number;
  }

  /**
   * Room for `n` elements in one chunk, before the first push (a loader that can estimate its
   * rows): pushes then never start a new chunk, and {@link take} hands that chunk over.
   */
  reserve(n: number): void {
    if (this.length > 0 || n <= this.current.length) return;
    const bytes = n * this.Ctor.BYTES_PER_ELEMENT;
    this.buffer = bytes >= IN_PLACE_FROM_BYTES && bytes <= MAX_IN_PLACE_BYTES ? resizable(bytes) : null;
    this.mayMove = this.buffer === null && bytes < IN_PLACE_FROM_BYTES;
    this.current = this.buffer === null ? new this.Ctor(n) : new this.Ctor(this.buffer, 0, n);
  }

  /**
   * The contents, for the last read, without a copy into fresh memory where it can: a view of the
   * array grown in place (its buffer's untouched tail holds no memory), or of the one chunk when it
   * is at least 90% full; else a trimmed copy. Push no more after it.
   */
  take(): T {
    if (this.full.length === 0 && this.buffer !== null) {
      // A view, not a shrink: shrinking zero-fills the tail, which touches pages never used.
      this.buffer = null;
      return this.current.subarray(0, this.used) as T;
    }
    if (this.full.length === 0 && this.used >= 0.9 * this.current.length) return this.current.subarray(0, this.used) as T;
    return this.toArray();
  }

  /** A trimmed copy of the contents. */
  toArray(): T {
    if (this.full.length === 0) return this.current.slice(0, this.used) as T;
    const out = new this.Ctor(this.length);
    let at = 0;
    for (const chunk of this.full) {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.set(this.current.subarray(0, this.used), at);
    return out;
  }

  private nextChunk(): void {
    if (this.buffer !== null) {
      const bytes = Math.min(2 * this.buffer.byteLength, MAX_IN_PLACE_BYTES);
      if (bytes > this.buffer.byteLength) {
        this.resizeTo(bytes / this.Ctor.BYTES_PER_ELEMENT);
        return;
      }
      this.buffer = null;
    } else if (this.mayMove && this.current.length * this.Ctor.BYTES_PER_ELEMENT >= IN_PLACE_FROM_BYTES) {
      if (this.moveInPlace()) return;
    }
    this.full.push(this.current);
    this.starts.push(this.before);
    this.before += this.current.length;
    this.current = new this.Ctor(Math.min(this.current.length * 2, MAX_CHUNK));
    this.used = 0;
  }

  /**
   * Moves the chunks so far (at most twice the 256 KB chunk that just filled) into a resizable
   * buffer twice their size, to grow in place from then on. False where there is none.
   */
  private moveInPlace(): boolean {
    const n = 2 * this.capacity;
    const buffer = resizable(n * this.Ctor.BYTES_PER_ELEMENT);
    this.mayMove = false;
    if (buffer === null) return false;
    const all = new this.Ctor(buffer, 0, n);
    let at = 0;
    for (const chunk of this.full) {
      all.set(chunk, at);
      at += chunk.length;
    }
    all.set(this.current, at);
    this.full.length = 0;
    this.starts.length = 0;
    this.used += this.before;
    this.before = 0;
    this.buffer = buffer;
    this.current = all;
    return true;
  }

  /** Resizes the buffer grown in place to `n` elements; `current` views all of it. */
  private resizeTo(n: number): void {
    const buffer = this.buffer as Resizable;
    buffer.resize(n * this.Ctor.BYTES_PER_ELEMENT);
    this.current = new this.Ctor(buffer, 0, n);
  }
}
