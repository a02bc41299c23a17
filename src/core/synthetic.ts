import { OptionError } from './errors';
import { Growable } from './growable';
import { createRng, type Rng } from './random';
import { MS_PER_DAY, toEpochMs } from './time';
import { TransactionLog } from './TransactionLog';
import { checkOptions, type OptionKind } from './options';

/** "Customers who buy `if` also buy `then`", planted with a probability. */
export interface PlantedAssociation { if: string[]; then: string; probability: number }
/** "Customers who bought `first` buy `then` in their next basket", planted with a probability. */
export interface PlantedSequence { first: string; then: string; probability: number }

/** Options of the synthetic retail-log generator. Time parameters are in days. */
export interface SyntheticOptions {
  /** Number of customers. @default 1000 */
  customers?: number;
  /** First acquisition date. @default '2023-01-01' */
  start?: Date | string | number;
  /** End of the observation window. @default '2024-12-31' */
  end?: Date | string | number;
  /** Seed of every random draw. @default 1 */
  seed?: number | string;
  /** Number of distinct items. @default 400 */
  catalogSize?: number;
  /** Mean number of items per basket (at least 1). @default 3 */
  meanBasketSize?: number;
  /** Zipf exponent of item popularity (larger = longer head). @default 1 */
  popularity?: number;
  /** Per-customer purchase rate λ (per day) ~ Gamma(shape r, rate alpha), as in BG/NBD. @default { r: 0.9, alpha: 40 } */
  purchaseRate?: { r: number; alpha: number };
  /** Per-customer dropout probability after each repeat purchase ~ Beta(a, b). @default { a: 0.7, b: 4 } */
  dropout?: { a: number; b: number };
  /** Spread of customers' spend: each customer's multiplier ~ Gamma(shape, 1/shape) (mean 1). @default 3 */
  spendShape?: number;
  /** Share of acquisitions in the first 10% of the window (the rest uniform). @default 0.3 */
  initialCohort?: number;
  /** Stop after this many line items. @default Infinity */
  maxLineItems?: number;
}

/** One generated line item. */
export interface SyntheticRecord {
  customer: string;
  order: string;
  /** ISO-8601 UTC time, to the minute. */
  time: string;
  item: string;
  quantity: number;
  amount: number;
  cost: number;
}

/** What the generator planted, so tests can check that mining finds it. */
export interface SyntheticTruth {
  associations: PlantedAssociation[];
  sequences: PlantedSequence[];
  /** Item names, most popular first. */
  catalog: string[];
}

/** A generated log with its planted structure. */
export interface SyntheticLog {
  log: TransactionLog;
  truth: SyntheticTruth;
}

const ADJECTIVES = ['red', 'blue', 'green', 'white', 'black', 'large', 'small', 'vintage', 'classic', 'organic', 'wooden', 'glass',
  'ceramic', 'linen', 'golden', 'silver', 'striped', 'spotted', 'rustic', 'modern', 'scented', 'mini', 'deluxe', 'pastel'];
const NOUNS = ['mug', 'candle', 'notebook', 'tea towel', 'lantern', 'vase', 'bowl', 'cushion', 'frame', 'clock', 'apron', 'basket',
  'coaster', 'jar', 'plate', 'teapot', 'blanket', 'pen set', 'tote bag', 'bottle', 'soap', 'planter', 'mirror', 'tray', 'lamp',
  'spoon set', 'napkins', 'garland', 'doorstop', 'kettle', 'rug', 'cup', 'bell', 'wreath', 'card set', 'ribbon', 'cookie tin',
  'bird feeder', 'umbrella', 'puzzle'];

/**
 * Generates a realistic retail log: customers arrive over the window, buy at heterogeneous
 * rates and may drop out after each repeat purchase (the BG/NBD "buy till you die" process),
 * spend heterogeneously, and fill baskets from a long-tailed catalog with a few planted item
 * associations and purchase orders. Streams one record at a time (constant memory).
 * @param options - {@link SyntheticOptions}
 * @returns An iterator of {@link SyntheticRecord}, ordered by customer then time.
 * @example
 * const rows = [...syntheticRecords({ customers: 10, seed: 7 })];
 * rows[0] //=> { customer: 'C00', order: 'O0000000', time: '2023-…', item: '…', quantity: 1, amount: 9.5, cost: 5.9 }
 */
const SYNTHETIC_OPTIONS = {
  customers: 'number', start: 'time', end: 'time', seed: 'any', catalogSize: 'number', meanBasketSize: 'number', popularity: 'number',
  purchaseRate: 'object', dropout: 'object', spendShape: 'number', initialCohort: 'number', maxLineItems: 'number',
} as const satisfies Record<keyof SyntheticOptions, OptionKind>;

export function* syntheticRecords(options: SyntheticOptions = {}): Generator<SyntheticRecord> {
  checkOptions('syntheticRecords', options, SYNTHETIC_OPTIONS);
  const g = new Generator_(options);
  const custWidth = String(g.customerCount - 1).length;
  for (const b of g.baskets()) {
    const customer = `C${String(b.customer).padStart(custWidth, '0')}`;
    const order = `O${String(b.order).padStart(7, '0')}`;
    const time = new Date(b.time).toISOString().slice(0, 16) + 'Z';
    for (let i = 0; i < b.items.length; i++) {
      yield { customer, order, time, item: g.catalog[b.items[i] as number] as string, quantity: b.quantities[i] as number, amount: b.amounts[i] as number, cost: b.costs[i] as number };
    }
  }
}

/**
 * Generates the same data as {@link syntheticRecords} straight into a {@link TransactionLog}
 * (typed arrays, no row objects: 10 million line items fit in well under 2 GB), with the truth.
 * @example
 * const { log, truth } = syntheticLog({ customers: 2000, seed: 1 });
 * log.customerCount //=> 2000
 * truth.associations[0] //=> { if: ['…'], then: '…', probability: 0.6 }
 */
export function syntheticLog(options: SyntheticOptions = {}): SyntheticLog {
  checkOptions('syntheticLog', options, SYNTHETIC_OPTIONS);
  const g = new Generator_(options);
  const customer = new Growable(Int32Array, 1 << 16);
  const order = new Growable(Int32Array, 1 << 16);
  const item = new Growable(Int32Array, 1 << 16);
  const time = new Growable(Float64Array, 1 << 16);
  const amount = new Growable(Float64Array, 1 << 16);
  const cost = new Growable(Float64Array, 1 << 16);
  const quantity = new Growable(Float64Array, 1 << 16);
  let orders = 0;
  for (const b of g.baskets()) {
    for (let i = 0; i < b.items.length; i++) {
      customer.push(b.customer); order.push(b.order); item.push(b.items[i] as number); time.push(b.time);
      amount.push(b.amounts[i] as number); cost.push(b.costs[i] as number); quantity.push(b.quantities[i] as number);
    }
    orders = b.order + 1;
  }
  const custWidth = String(g.customerCount - 1).length;
  const log = TransactionLog.fromColumns({
    customer: customer.toArray(), time: time.toArray(), item: item.toArray(), order: order.toArray(),
    amount: amount.toArray(), cost: cost.toArray(), quantity: quantity.toArray(),
    customerNames: Array.from({ length: g.customerCount }, (_, c) => `C${String(c).padStart(custWidth, '0')}`),
    itemNames: g.catalog,
    orderNames: Array.from({ length: orders }, (_, o) => `O${String(o).padStart(7, '0')}`),
  });
  return { log, truth: g.truth };
}

interface Basket { customer: number; order: number; time: number; items: number[]; quantities: number[]; amounts: number[]; costs: number[] }

// Named with a trailing underscore to keep it apart from the global Generator type.
class Generator_ {
  readonly customerCount: number;
  readonly catalog: string[];
  readonly truth: SyntheticTruth;
  private readonly rng: Rng;
  private readonly o: Required<SyntheticOptions> & { startMs: number; endMs: number };
  private readonly cumulative: Float64Array;
  private readonly price: Float64Array;
  private readonly margin: Float64Array;
  private readonly assocIds: Array<{ if: number[]; then: number; probability: number }>;
  private readonly seqIds: Array<{ first: number; then: number; probability: number }>;

  constructor(options: SyntheticOptions) {
    const o = {
      customers: 1000, start: '2023-01-01', end: '2024-12-31', seed: 1, catalogSize: 400, meanBasketSize: 3, popularity: 1,
      purchaseRate: { r: 0.9, alpha: 40 }, dropout: { a: 0.7, b: 4 }, spendShape: 3, initialCohort: 0.3, maxLineItems: Infinity,
      ...options,
    };
    const startMs = toEpochMs(o.start);
    const endMs = toEpochMs(o.end);
    if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs) throw new OptionError('start and end must be times with start < end', { start: o.start, end: o.end });
    for (const [name, v] of [['customers', o.customers], ['catalogSize', o.catalogSize]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new OptionError(`${name} must be a positive integer, got ${v}`, { [name]: v });
    }
    if (o.catalogSize < 20) throw new OptionError(`catalogSize must be at least 20 (planted patterns need room), got ${o.catalogSize}`);
    if (!(o.meanBasketSize >= 1)) throw new OptionError(`meanBasketSize must be >= 1, got ${o.meanBasketSize}`);
    this.o = { ...o, startMs, endMs };
    this.customerCount = o.customers;
    this.rng = createRng(o.seed);
    this.catalog = makeCatalog(o.catalogSize, this.rng);
    this.cumulative = zipfCumulative(o.catalogSize, o.popularity);
    this.price = Float64Array.from(this.catalog, () => Math.round(Math.exp(Math.log(6) + 0.7 * this.rng.normal()) * 100) / 100 + 0.29);
    this.margin = Float64Array.from(this.catalog, () => 0.25 + 0.25 * this.rng.next());
    // Planted patterns among moderately popular items, so they clear typical support thresholds.
    const pick = [3, 8, 5, 12, 7, 15, 10, 20, 9, 14, 6, 18];
    this.assocIds = [
      { if: [pick[0] as number], then: pick[1] as number, probability: 0.6 },
      { if: [pick[2] as number], then: pick[3] as number, probability: 0.5 },
      { if: [pick[4] as number, pick[5] as number], then: pick[6] as number, probability: 0.7 },
    ];
    this.seqIds = [
      { first: pick[7] as number, then: pick[8] as number, probability: 0.5 },
      { first: pick[9] as number, then: pick[10] as number, probability: 0.4 },
      { first: pick[11] as number, then: pick[7] as number, probability: 0.4 },
    ];
    const name = (i: number) => this.catalog[i] as string;
    this.truth = {
      associations: this.assocIds.map((a) => ({ if: a.if.map(name), then: name(a.then), probability: a.probability })),
      sequences: this.seqIds.map((s) => ({ first: name(s.first), then: name(s.then), probability: s.probability })),
      catalog: [...this.catalog],
    };
  }

  *baskets(): Generator<Basket> {
    const { o, rng } = this;
    let lines = 0;
    let order = 0;
    const span = o.endMs - o.startMs;
    for (let c = 0; c < o.customers; c++) {
      const early = rng.next() < o.initialCohort;
      let t = o.startMs + rng.next() * span * (early ? 0.1 : 1);
      const rate = rng.gamma(o.purchaseRate.r, 1 / o.purchaseRate.alpha);
      const p = rng.beta(o.dropout.a, o.dropout.b);
      const spend = rng.gamma(o.spendShape, 1 / o.spendShape);
      let previous: number[] = [];
      for (let k = 0; t <= o.endMs; k++) {
        const basket = this.basket(c, order++, Math.round(t / 60_000) * 60_000, spend, previous);
        lines += basket.items.length;
        yield basket;
        if (lines >= o.maxLineItems) return;
        previous = basket.items;
        if (k > 0 && rng.next() < p) break; // dropout after a repeat purchase
        t += rng.exponential(Math.max(rate, 1e-9)) * MS_PER_DAY;
      }
    }
  }

  private basket(customer: number, order: number, time: number, spend: number, previous: number[]): Basket {
    const { rng } = this;
    const size = 1 + rng.poisson(this.o.meanBasketSize - 1);
    const items = new Set<number>();
    for (const s of this.seqIds) if (previous.includes(s.first) && rng.next() < s.probability) items.add(s.then);
    for (let tries = 0; items.size < size && tries < size * 4; tries++) items.add(this.drawItem());
    for (const a of this.assocIds) if (a.if.every((i) => items.has(i)) && rng.next() < a.probability) items.add(a.then);
    const list = [...items];
    const quantities = list.map(() => 1 + rng.poisson(0.4));
    const amounts = list.map((i, j) => Math.round((this.price[i] as number) * (quantities[j] as number) * spend * 100) / 100 || 0.01);
    const costs = list.map((i, j) => Math.round((amounts[j] as number) * (1 - (this.margin[i] as number)) * 100) / 100);
    return { customer, order, time, items: list, quantities, amounts, costs };
  }

  private drawItem(): number {
    const u = this.rng.next() * (this.cumulative[this.cumulative.length - 1] as number);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) <= u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function zipfCumulative(n: number, s: number): Float64Array {
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) out[i] = sum += 1 / Math.pow(i + 1, s);
  return out;
}

function makeCatalog(size: number, rng: Rng): string[] {
  const names: string[] = [];
  for (const noun of NOUNS) for (const adjective of ADJECTIVES) names.push(`${adjective} ${noun}`);
  rng.shuffle(names);
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const round = Math.floor(i / names.length);
    out.push(round === 0 ? (names[i] as string) : `${names[i % names.length] as string} #${round + 1}`);
  }
  return out;
}
