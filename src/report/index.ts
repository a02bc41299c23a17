/**
 * Reporting: Vega-Lite chart specs for every kind of result (for notebooks and the HTML
 * report). The CLI lives beside it (bin `crm-mining`).
 * @module report
 */
export { charts } from './charts';
export type { VegaLiteSpec } from './charts';
