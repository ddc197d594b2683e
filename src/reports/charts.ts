import { t } from '../i18n/t';
import { COLOURS, esc, niceMax, r1, svgOpen } from './svg';

export interface Bar {
  label: string;
  value: number;
  /** The value as people read it ("10.500,00 €"). */
  valueLabel: string;
}

/**
 * Horizontal bars, one per row of the table beside it, labelled with their values, so the chart
 * reads without colour or hovering.
 */
export function barChart(options: { id: string; title: string; desc: string; bars: Bar[] }): string {
  const { bars } = options;
  const labelWidth = 190;
  const valueWidth = 120;
  const chartWidth = 420;
  const rowHeight = 26;
  const top = 10;
  const height = top + bars.length * rowHeight + 26;
  const width = labelWidth + chartWidth + valueWidth;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const parts = [svgOpen(options.id, width, height, options.title, options.desc)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = r1(labelWidth + tick * chartWidth);
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 22}" stroke="${COLOURS.grid}" stroke-width="0.5" stroke-dasharray="2 3" aria-hidden="true"/>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * rowHeight;
    const w = r1((Math.max(0, b.value) / max) * chartWidth);
    const label = b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label;
    parts.push(
      `<g><title>${esc(`${b.label}: ${b.valueLabel}`)}</title>` +
        `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="${COLOURS.text}">${esc(label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="${COLOURS.bar}"/>` +
        `<text x="${r1(labelWidth + w + 6)}" y="${y + 17}" font-size="12" fill="${COLOURS.text}">${esc(b.valueLabel)}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface MonthPoint {
  /** "2027-03" */
  month: string;
  monthLabel: string;
  committed: number;
  cumulative: number;
}

/**
 * Budget use over time: bars for what each month committed, a line for the running total and a
 * red dashed line for the budget, so one sees when and how fast the money went.
 */
export function budgetChart(options: { id: string; title: string; desc: string; budget: number; points: MonthPoint[]; format(n: number): string; budgetLabel: string }): string {
  const { points, budget } = options;
  const left = 110;
  const right = 20;
  const top = 20;
  const plotHeight = 240;
  const width = 760;
  const height = top + plotHeight + 60;
  const plotWidth = width - left - right;
  const max = niceMax(Math.max(budget, ...points.map((p) => p.cumulative)));
  const y = (v: number) => r1(top + plotHeight - (v / max) * plotHeight);
  const slot = plotWidth / Math.max(1, points.length);
  const parts = [svgOpen(options.id, width, height, options.title, options.desc)];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const v = tick * max;
    parts.push(
      `<line x1="${left}" y1="${y(v)}" x2="${width - right}" y2="${y(v)}" stroke="${COLOURS.grid}" stroke-width="0.5" stroke-dasharray="2 3" aria-hidden="true"/>` +
        `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="${COLOURS.text}">${esc(options.format(v))}</text>`,
    );
  }
  points.forEach((p, i) => {
    const x = left + i * slot;
    parts.push(
      `<g><title>${esc(`${p.monthLabel}: ${t('reports.chart.monthBar')} ${options.format(p.committed)}, ${t('reports.chart.cumulativeLine')} ${options.format(p.cumulative)}`)}</title>` +
        `<rect x="${r1(x + slot * 0.2)}" y="${y(p.committed)}" width="${r1(slot * 0.6)}" height="${r1(top + plotHeight - y(p.committed))}" fill="${COLOURS.bar}" opacity="0.55"/></g>` +
        `<text x="${r1(x + slot / 2)}" y="${top + plotHeight + 16}" text-anchor="middle" font-size="11" fill="${COLOURS.text}">${esc(p.monthLabel)}</text>`,
    );
  });
  if (points.length) {
    const line = points.map((p, i) => `${r1(left + i * slot + slot / 2)},${y(p.cumulative)}`).join(' ');
    parts.push(`<polyline points="${line}" fill="none" stroke="${COLOURS.bar}" stroke-width="2.5"/>`);
    for (const [i, p] of points.entries()) parts.push(`<circle cx="${r1(left + i * slot + slot / 2)}" cy="${y(p.cumulative)}" r="3.5" fill="${COLOURS.bar}"/>`);
  }
  if (budget > 0) {
    parts.push(
      `<line x1="${left}" y1="${y(budget)}" x2="${width - right}" y2="${y(budget)}" stroke="${COLOURS.budget}" stroke-width="2" stroke-dasharray="8 4"/>` +
        `<text x="${width - right}" y="${y(budget) - 6}" text-anchor="end" font-size="12" fill="${COLOURS.budget}">${esc(options.budgetLabel)}</text>`,
    );
  }
  // Legend: what the bar, the line and the dashed line mean.
  const ly = height - 18;
  parts.push(
    `<rect x="${left}" y="${ly - 9}" width="14" height="10" fill="${COLOURS.bar}" opacity="0.55"/><text x="${left + 20}" y="${ly}" font-size="12" fill="${COLOURS.text}">${esc(t('reports.chart.monthBar'))}</text>` +
      `<line x1="${left + 170}" y1="${ly - 4}" x2="${left + 195}" y2="${ly - 4}" stroke="${COLOURS.bar}" stroke-width="2.5"/><text x="${left + 201}" y="${ly}" font-size="12" fill="${COLOURS.text}">${esc(t('reports.chart.cumulativeLine'))}</text>` +
      `<line x1="${left + 350}" y1="${ly - 4}" x2="${left + 375}" y2="${ly - 4}" stroke="${COLOURS.budget}" stroke-width="2" stroke-dasharray="8 4"/><text x="${left + 381}" y="${ly}" font-size="12" fill="${COLOURS.text}">${esc(t('reports.chart.budgetLine'))}</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
