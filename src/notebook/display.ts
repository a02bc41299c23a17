import { OptionError } from '../core/errors';
import { checkOptions, type OptionKind } from '../core/options';
import type { VegaLiteSpec } from '../report/charts';
import type { Analysis } from '../report/analyze';
import { reportParts } from '../report/htmlSections';
import { showOf, type Shown } from './kinds';
import { esc } from '../report/htmlParts';
import { cells, htmlTable, plainTable, type Column } from './table';

/** The MIME type of the charts: the specs are Vega-Lite v5 (their `$schema`). */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/** Options of {@link display}. */
export interface DisplayOptions {
  /** Rows shown of a long result (the count of all is always given). @default 20 */
  rows?: number;
  /** A heading instead of the result kind's name. */
  title?: string;
  /** `false` leaves the chart out. @default true */
  chart?: boolean;
}

/** What notebooks render: Deno's Jupyter kernel calls `[Symbol.for('Jupyter.display')]()`. */
export interface Displayable {
  /** The MIME bundle: `text/plain`, `text/html` and, where a chart fits, the Vega-Lite spec. */
  readonly bundle: Record<string, unknown>;
  toString(): string;
}

const JUPYTER = Symbol.for('Jupyter.display');

/**
 * A rich display of any crm-mining result for Jupyter (Deno kernel, VS Code, JupyterLab): a
 * fixed-width text table, an HTML table of the first `rows` rows with the count of all (every
 * name from the data escaped), and the Vega-Lite chart that `charts.*` gives where one fits.
 * Covers itemsets, association and sequential rules and patterns, RFM rows, segments,
 * quadrants, loyalty matrix, value tiers, customer summaries, fitted BTYD models, CLV rows,
 * tracking and conditional expectations, churn datasets, evaluations, at-risk lists and
 * reports, classifiers, cross-validation, confusion matrices, k-means results, segment
 * profiles, a `TransactionLog` and a whole `analyze()` result; any other array of records or
 * object as a plain table.
 * @example
 * // in a Deno notebook cell: the last expression is rendered
 * display(associationRules(log, { minSupport: 0.01 }), { rows: 10 })
 */
export function display(value: unknown, options: DisplayOptions = {}): Displayable {
  checkOptions('display', options, { rows: 'number', title: 'string', chart: 'boolean' } satisfies Record<keyof DisplayOptions, OptionKind>);
  const rows = options.rows ?? 20;
  if (!(Number.isInteger(rows) && rows >= 1)) throw new OptionError(`rows must be an integer >= 1, got ${String(rows)}`);
  const bundle = isAnalysis(value) ? analysisBundle(value) : bundleOf(showOf(value) ?? fallback(value), rows, options.title);
  if (options.chart === false) delete bundle[VEGA_LITE_MIME];
  return {
    bundle,
    toString: () => bundle['text/plain'] as string,
    [JUPYTER]: () => bundle,
  } as Displayable;
}

function bundleOf(shown: Shown, rows: number, title: string | undefined): Record<string, unknown> {
  const tables = shown.blocks.map((b, i) => ({ title: i === 0 && title !== undefined && shown.blocks.length === 1 ? title : b.title, t: cells(b.rows as never[], b.columns as Column<never>[], rows) }));
  // Several tables (a model's parameters and its fit): the result's own heading first.
  const heading = tables.length > 1 ? title ?? shown.title : null;
  const bundle: Record<string, unknown> = {
    'text/plain': [...(heading === null ? [] : [heading]), ...tables.map((x) => plainTable(x.title, x.t))].join('\n\n'),
    'text/html': `${heading === null ? '' : `<p><strong>${esc(heading)}</strong></p>`}${tables.map((x) => htmlTable(x.title, x.t)).join('')}`,
  };
  if (shown.chart !== null) bundle[VEGA_LITE_MIME] = shown.chart;
  return bundle;
}

/** A record array as a table of its keys; an object as name/value; anything else as text. */
function fallback(value: unknown): Shown {
  if (isLog(value)) {
    const s = value.summary() as unknown as Record<string, unknown>;
    return { title: 'Transaction log', blocks: [{ title: 'Transaction log', rows: Object.entries(s).map(([name, v]) => ({ name, value: v })), columns: kv }], chart: null };
  }
  if (Array.isArray(value)) {
    const keys = [...new Set(value.slice(0, 100).flatMap((r) => (typeof r === 'object' && r !== null ? Object.keys(r) : ['value'])))];
    const rows = value.map((r) => (typeof r === 'object' && r !== null ? r : { value: r }));
    return { title: `${value.length} rows`, blocks: [{ title: `${value.length} rows`, rows, columns: keys.map((k) => ({ header: k, value: (r: never) => (r as Record<string, unknown>)[k] })) }], chart: null };
  }
  if (typeof value === 'object' && value !== null) {
    return { title: 'Result', blocks: [{ title: 'Result', rows: Object.entries(value).filter(([, v]) => typeof v !== 'function').map(([name, v]) => ({ name, value: v })), columns: kv }], chart: null };
  }
  return { title: 'Value', blocks: [{ title: 'Value', rows: [{ name: 'value', value }], columns: kv }], chart: null };
}

const kv: Column<never>[] = [{ header: '', value: (r: never) => (r as { name: string }).name }, { header: 'value', value: (r: never) => (r as { value: unknown }).value }];

const isLog = (v: unknown): v is { summary(): unknown } => typeof v === 'object' && v !== null && typeof (v as { summary?: unknown }).summary === 'function' && 'columns' in v && 'customerCount' in v;

const isAnalysis = (v: unknown): v is Analysis => typeof v === 'object' && v !== null && ['asOf', 'summary', 'quality', 'rfm', 'rules', 'clv', 'churn', 'segments'].every((k) => k in v);

/** The whole analysis: the report's sections as HTML, their charts stacked in one Vega-Lite spec. */
function analysisBundle(a: Analysis): Record<string, unknown> {
  const parts = reportParts(a);
  const specs: VegaLiteSpec[] = parts.flatMap((p) => Object.values(p.charts));
  const html = parts.map((p) => `<h3>${esc(p.title)}</h3>${p.html.replace(/<div class="chart"[^>]*><\/div>/g, '')}`).join('');
  const plain = parts.map((p) => `${p.title}: ${(a as unknown as Record<string, { status?: string; reason?: string }>)[p.id]?.status === 'skipped' ? `not computed (${(a as unknown as Record<string, { reason: string }>)[p.id]?.reason})` : 'computed'}`);
  const bundle: Record<string, unknown> = {
    'text/plain': [`Analysis as of ${a.asOf.toISOString().slice(0, 10)}: ${a.summary.customers} customers, ${a.summary.baskets} baskets`, ...plain].join('\n'),
    'text/html': `<div class="crm-mining">${html}</div>`,
  };
  if (specs.length > 0) {
    bundle[VEGA_LITE_MIME] = { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', vconcat: specs.map(({ $schema: _s, ...spec }) => spec) };
  }
  return bundle;
}
