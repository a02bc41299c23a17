import { describe, expect, it } from 'vitest';
import { syntheticRecords } from '../core/synthetic';
import { TransactionLog } from '../core/TransactionLog';
import { analyze } from './analyze';
import { renderReport } from './html';

// Item and customer names are data: a hostile one must come out as text, never as markup.
const HOSTILE = '</script><img src=x onerror=alert(1)>';
const records = [...syntheticRecords({ customers: 300, seed: 5, start: '2023-01-01', end: '2024-12-31' })].map((r, i) => (i % 7 === 0 ? { ...r, item: HOSTILE } : r));
const log = TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });

describe('renderReport', () => {
  it('is one self-contained page: every section, compiled specs for each chart, the vega runtime inlined', async () => {
    const attitude = [...new Set(records.map((r) => r.customer))].map((customer, i) => ({ customer, score: i % 10 }));
    const html = await renderReport(analyze(log, { loyalty: { attitude } }), { title: 'Test & <shop>', source: 'orders.csv' });
    expect(html).toContain('<title>Test &amp; &lt;shop&gt;</title>');
    for (const id of ['summary', 'rfm', 'rules', 'sequences', 'clv', 'churn', 'segments', 'loyalty']) expect(html).toContain(`<section id="${id}">`);
    const specs = JSON.parse(/<script type="application\/json" id="crm-specs">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as Record<string, { marks?: unknown[] }>;
    expect(Object.keys(specs).sort()).toEqual(['clv', 'conditional', 'gains', 'loyalty', 'rfm', 'rules', 'segments', 'sequences', 'tiers', 'tracking']);
    for (const id of Object.keys(specs)) {
      expect(specs[id]?.marks?.length).toBeGreaterThan(0);
      expect(html).toContain(`<div class="chart" id="chart-${id}" data-chart="${id}"></div>`);
    }
    expect(html).toMatch(/vega\.View/);
    expect(html.length).toBeGreaterThan(400_000);
    // Nothing is fetched when the page opens.
    expect(html).not.toMatch(/<(script|img|iframe)[^>]+src=["']?https?:/i);
    expect(html).not.toMatch(/<link\b|@import|url\(\s*["']?https?:/i);
  });

  it('escapes names from the data in tables and in the embedded JSON', async () => {
    const html = await renderReport(analyze(log, { sequences: false, churn: false, clv: false, segments: false }));
    expect(html).toContain(esc(HOSTILE));
    expect(html.split(HOSTILE)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it("draws every chart as static SVG with charts: 'svg' (the browser default): no script, names escaped", async () => {
    const html = await renderReport(analyze(log), { charts: 'svg' });
    expect(html).not.toMatch(/<script/i);
    for (const id of ['clv', 'gains', 'rfm', 'rules', 'segments', 'sequences', 'tiers', 'tracking', 'conditional']) {
      const chart = new RegExp(`<div class="chart" id="chart-${id}" data-chart="${id}" data-rendered="true"><svg[\\s\\S]*?</svg></div>`).exec(html);
      expect(chart?.[0]).toMatch(/<path|<rect|<circle|<line/);
    }
    expect(html.split(HOSTILE)).toHaveLength(1);
    expect(html).toContain('drawn as SVG');
  });

  it('says whether CLV is revenue or margin, and in which currency', async () => {
    const revenue = analyze(log, { rules: false, sequences: false, churn: false, segments: false });
    const margin = analyze(log, { rules: false, sequences: false, churn: false, segments: false, clv: { margin: 0.3 }, currency: 'EUR' });
    if (revenue.clv.status !== 'ok' || margin.clv.status !== 'ok') throw new Error('CLV was not computed');
    margin.clv.values.forEach((v, i) => expect(v.clv).toBeCloseTo(0.3 * (revenue.clv.status === 'ok' ? (revenue.clv.values[i]?.clv as number) : 0), 9));
    expect(await renderReport(revenue)).toMatch(/These values are revenue \(no margin was given/);
    const html = await renderReport(margin);
    expect(html).toMatch(/These values are margin: 30% of revenue/);
    expect(html).toMatch(/ EUR in all/);
    // The synthetic log has a cost column: margin = amount − cost.
    const costLog = TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost' });
    const byCost = analyze(costLog, { rules: false, sequences: false, churn: false, segments: false, clv: { margin: 'cost' } });
    expect(byCost.clv.status).toBe('ok');
    expect(await renderReport(byCost)).toMatch(/These values are margin: amount less cost, from the cost column/);
  });

  it('shows why a section is missing', async () => {
    const html = await renderReport(analyze(log, { churn: false }));
    expect(html).toMatch(/<section id="churn">\s*<h2>Churn risk<\/h2>\s*<p class="skipped">Not computed: left out by the options<\/p>/);
    expect(html).toMatch(/<section id="loyalty">\s*<h2>Loyalty matrix<\/h2>\s*<p class="skipped">Not computed: no attitude scores were given/);
    const long = await renderReport(analyze(log, { rules: false, sequences: false, churn: false, segments: false, clv: { holdoutWeeks: 80 } }));
    expect(long).toMatch(/<h3>Does the model fit\?<\/h3><p class="skipped">Not computed: the log spans 10\d\.\d weeks: a 80-week holdout needs at least as long a calibration period before it<\/p>/);
  });
});

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
