/**
 * Notebooks: rich display of every crm-mining result (HTML tables and Vega-Lite charts) for
 * Jupyter with Deno's kernel, VS Code and JupyterLab. Not loaded by `import 'crm-mining'`.
 * @module notebook
 */
export { display, VEGA_LITE_MIME } from './display';
export type { DisplayOptions, Displayable } from './display';
export { loadArrow, toArrow } from './arrow';
