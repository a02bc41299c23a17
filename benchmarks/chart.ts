/** A small dependency-free SVG line chart with log-log axes, for the scaling curves. */

export interface Series { name: string; points: Array<{ x: number; y: number }> }

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

/** One panel: series on log10 axes, with decade ticks, axis titles and a legend. */
export function logLogChart(title: string, xTitle: string, yTitle: string, series: Series[], width = 520, height = 340): string {
  const all = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  if (all.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="10" y="20">${title}: no data</text></svg>`;
  const lx = (v: number) => Math.log10(v);
  const [x0, x1] = [Math.floor(lx(Math.min(...all.map((p) => p.x)))), Math.ceil(lx(Math.max(...all.map((p) => p.x))))];
  const [y0, y1] = [Math.floor(lx(Math.min(...all.map((p) => p.y)))), Math.ceil(lx(Math.max(...all.map((p) => p.y))))];
  const m = { left: 64, right: 150, top: 34, bottom: 46 };
  const px = (v: number) => m.left + ((lx(v) - x0) / Math.max(1, x1 - x0)) * (width - m.left - m.right);
  const py = (v: number) => height - m.bottom - ((lx(v) - y0) / Math.max(1, y1 - y0)) * (height - m.top - m.bottom);
  const parts: string[] = [];
  parts.push(`<text x="${width / 2 - m.right / 2}" y="20" text-anchor="middle" font-weight="bold">${title}</text>`);
  for (let e = x0; e <= x1; e++) {
    const x = px(10 ** e);
    parts.push(`<line x1="${x}" x2="${x}" y1="${m.top}" y2="${height - m.bottom}" stroke="#ddd"/><text x="${x}" y="${height - m.bottom + 16}" text-anchor="middle">1e${e}</text>`);
  }
  for (let e = y0; e <= y1; e++) {
    const y = py(10 ** e);
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${m.left - 6}" y="${y + 4}" text-anchor="end">1e${e}</text>`);
  }
  parts.push(`<text x="${(m.left + width - m.right) / 2}" y="${height - 8}" text-anchor="middle">${xTitle}</text>`);
  parts.push(`<text transform="translate(16 ${(m.top + height - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${yTitle}</text>`);
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0).sort((a, b) => a.x - b.x);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) parts.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3" fill="${color}"/>`);
    const ly = m.top + 14 + i * 18;
    parts.push(`<line x1="${width - m.right + 12}" x2="${width - m.right + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/><text x="${width - m.right + 36}" y="${ly}">${s.name}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>`;
}

/** Panels side by side in one SVG. */
export function sideBySide(panels: string[], width = 520, height = 340): string {
  const inner = panels.map((svg, i) => `<g transform="translate(${i * width} 0)">${svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '')}</g>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * panels.length}" height="${height}" font-family="sans-serif" font-size="11">${inner}</svg>\n`;
}
