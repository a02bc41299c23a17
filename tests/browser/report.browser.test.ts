/**
 * Opens the HTML report of the bundled sample in a real headless Chromium (Debian's package,
 * installed by .ci/run) and checks that every chart was drawn, that nothing was logged as an
 * error and that the page asked the network for nothing. Saves a screenshot to
 * tests/browser/out/report.png. Skipped only outside CI when /usr/bin/chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { main } from '../../src/report/cli';

const CHROMIUM = '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../examples/data/sample-transactions.csv', import.meta.url));
const available = existsSync(CHROMIUM);
if (!available && process.env.CI !== undefined) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  it('draws every chart with marks, logs no error and fetches nothing', async () => {
    mkdirSync(OUT, { recursive: true });
    const report = `${OUT}report.html`;
    const io = { stdout: { write: () => true }, stderr: { write: () => true } };
    // Survey scores for four in five of the sample's customers: the loyalty matrix is drawn too.
    const customers = [...new Set(readFileSync(SAMPLE, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[1]))];
    const attitude = `${OUT}attitude.csv`;
    writeFileSync(attitude, `customer,score\n${customers.filter((_, i) => i % 5 !== 0).map((c, i) => `${c},${(i * 7) % 11}`).join('\n')}\n`);
    expect(await main(['analyze', SAMPLE, '--out', report, '--title', 'Sample shop', '--attitude', attitude], io)).toBe(0);

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${report}`);
    // A string: it runs in the page, where `document` exists.
    await page.waitForFunction("[...document.querySelectorAll('[data-chart]')].every((el) => el.getAttribute('data-rendered') === 'true')", null, { timeout: 30_000 });

    const charts = await page.$$eval('[data-chart]', (els) => els.map((el) => ({
      id: el.getAttribute('data-chart'),
      svg: el.querySelectorAll('svg').length,
      marks: el.querySelectorAll('svg g.role-mark path, svg g.role-mark line').length,
    })));
    expect(charts.map((c) => c.id)).toEqual(['rfm', 'rules', 'sequences', 'clv', 'tiers', 'tracking', 'conditional', 'gains', 'segments', 'loyalty']);
    for (const c of charts) {
      expect(c.svg, c.id).toBe(1);
      // The tracking plot is two lines and the rule where the holdout starts; the others draw a mark per datum.
      if (c.id === 'tracking') expect(c.marks, c.id).toBe(3);
      else expect(c.marks, c.id).toBeGreaterThan(3);
    }
    // One bar per RFM segment in the table under the chart.
    const segments = await page.$$eval('#rfm tbody tr', (rows) => rows.length);
    expect(await page.$$eval('#chart-rfm svg g.mark-rect.role-mark path', (bars) => bars.length)).toBe(segments);
    expect(problems).toEqual([]);
    // No two axis labels of a chart overlap (a string: it runs in the page).
    const overlaps = await page.evaluate(`[...document.querySelectorAll('[data-chart]')].flatMap((chart) =>
      [...chart.querySelectorAll('g.role-axis')].flatMap((axis) => {
        const boxes = [...axis.querySelectorAll('g.role-axis-label text')]
          .filter((t) => t.textContent !== '' && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0')
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
        const out = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(chart.getAttribute('data-chart') + ': ' + boxes[i].text + ' / ' + boxes[j].text);
        }
        return out;
      }))`) as string[];
    expect(overlaps).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: `${OUT}report.png`, fullPage: true });
    await page.close();
  });
});
