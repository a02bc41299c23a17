/**
 * Reporting: the whole analysis of a log (`analyze`), one self-contained HTML page of it
 * (`renderReport`), Vega-Lite chart specs for every kind of result (`charts.*`, for notebooks)
 * and header-based column guessing. The CLI (bin `crm-mining`) lives beside it.
 * @module report
 */
export { charts } from './charts';
export type { VegaLiteSpec } from './charts';
export { analyze } from './analyze';
export type { Analysis, AnalyzeOptions, Section } from './analyze';
export { renderReport } from './html';
export type { RenderReportOptions } from './html';
export { guessColumns } from './guessColumns';
export type { GuessedField } from './guessColumns';
export { searchSupport } from './supportSearch';
export type { SupportSearch } from './supportSearch';
