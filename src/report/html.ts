import type { Analysis } from './analyze';
import type { VegaLiteSpec } from './charts';
import { day, esc, scriptJson } from './htmlParts';
import { reportParts } from './htmlSections';
import { nodeRequire } from '../core/nodeRequire';
import { compileSpecs, renderSvgs, vegaScript } from './vegaRuntime';
import { VERSION } from './version';
import { checkOptions, type OptionKind } from '../core/options';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** Page title. @default 'Customer analysis' */
  title?: string;
  /** Where the data came from, shown under the title (e.g. the file name). */
  source?: string;
  /** The Vega runtime script text; read from the installed `vega` package when not given (Node). */
  vegaScript?: string;
  /**
   * `'interactive'`: charts drawn in the page by the inlined Vega runtime (tooltips);
   * `'svg'`: charts drawn now as static SVG, and no script in the page.
   * @default 'interactive' on Node or with `vegaScript`, else `'svg'` (browsers)
   */
  charts?: 'interactive' | 'svg';
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6474; --line: #e3e6ec; --accent: #2f6fdf; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 24px 32px 12px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0 0 12px; color: var(--muted); }
nav a { margin-right: 16px; color: var(--accent); text-decoration: none; font-size: 14px; }
main { max-width: 1080px; margin: 0 auto; padding: 8px 32px 48px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin: 20px 0; }
h2 { margin: 0 0 8px; font-size: 19px; }
h3 { margin: 20px 0 8px; font-size: 15px; }
p { margin: 6px 0 12px; }
.skipped { color: #8a5a00; background: #fff7e6; border-radius: 4px; padding: 8px 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card .value { font-size: 20px; font-weight: 600; white-space: nowrap; }
.card .label { color: var(--muted); font-size: 13px; }
.chart { margin: 12px 0 16px; min-height: 40px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
th.num { text-align: right; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
footer { color: var(--muted); font-size: 13px; text-align: center; padding-bottom: 32px; }
`;

// Renders every compiled spec into its container; a failure shows in place and in the console.
const RENDER = `
(function () {
  var specs = JSON.parse(document.getElementById('crm-specs').textContent);
  Object.keys(specs).forEach(function (id) {
    var el = document.getElementById('chart-' + id);
    new vega.View(vega.parse(specs[id]), { renderer: 'svg', container: el, hover: true })
      .runAsync()
      .then(function () { el.setAttribute('data-rendered', 'true'); })
      .catch(function (error) { el.textContent = 'This chart could not be drawn: ' + error.message; console.error(error); });
  });
})();
`;

/**
 * One self-contained HTML page for an {@link analyze} result: tables, and the Vega-Lite charts
 * compiled to Vega and drawn by the Vega runtime inlined in the page (about 0.5 MB), or drawn
 * now as static SVG (`charts: 'svg'`, the default in browsers), so it opens offline and can be
 * mailed as one file.
 * @throws {CrmMiningError} code `'DEPENDENCY'` when vega or vega-lite is not installed.
 * @example
 * const html = await renderReport(analyze(log), { title: 'Online shop', source: 'orders.csv' });
 * writeFileSync('report.html', html);
 */
export async function renderReport(analysis: Analysis, options: RenderReportOptions = {}): Promise<string> {
  checkOptions('renderReport', options, { title: 'string', source: 'string', vegaScript: 'string', charts: 'string' } satisfies Record<keyof RenderReportOptions, OptionKind>);
  const title = options.title ?? 'Customer analysis';
  const parts = reportParts(analysis);
  const specs: Record<string, VegaLiteSpec> = Object.assign({}, ...parts.map((p) => p.charts) as object[]);
  const compiled = await compileSpecs(specs);
  const mode = options.charts ?? (options.vegaScript !== undefined || nodeRequire() !== null ? 'interactive' : 'svg');
  const svgs = mode === 'svg' ? await renderSvgs(compiled) : null;
  const scripts = svgs !== null ? '' : `<script type="application/json" id="crm-specs">${scriptJson(compiled)}</script>
<script>${(options.vegaScript ?? vegaScript()).replace(/<\/script/gi, '<\\/script')}</script>
<script>${RENDER}</script>
`;
  const sections = parts.map((p) => `<section id="${p.id}">\n<h2>${esc(p.title)}</h2>\n${svgs === null ? p.html : withSvgs(p.html, svgs)}\n</section>`).join('\n');
  const s = analysis.summary;
  const subtitle = `${options.source === undefined ? '' : `${options.source} · `}${s.customers.toLocaleString('en-US')} customers, ${day(s.from)} to ${day(s.to)} · as of ${day(analysis.asOf)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crm-mining ${VERSION}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p>${esc(subtitle)}</p>
<nav>${parts.map((p) => `<a href="#${p.id}">${esc(p.title)}</a>`).join('')}</nav>
</header>
<main>
${sections}
</main>
<footer>Made with crm-mining ${VERSION}. Charts: Vega (${svgs === null ? 'inlined' : 'drawn as SVG'}; no network needed).</footer>
${scripts}</body>
</html>
`;
}

/** Puts each chart's SVG into its container (`data-chart="id"`). */
function withSvgs(html: string, svgs: Readonly<Record<string, string>>): string {
  return html.replace(/data-chart="([^"]+)"><\/div>/g, (whole, id: string) => (svgs[id] === undefined ? whole : `data-chart="${id}" data-rendered="true">${svgs[id]}</div>`));
}
