import { t } from '../i18n/t';
import { formatEuro } from '../cases/money';
import { socialIndexClasses } from '../planning/social-index';
import type { FundingRow } from './funding-report';
import { classColours, type MapArea, type MapLegend } from './map';

export type MapColouring = 'amount' | 'socialIndex';

const decimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Upper bounds of `classes` groups of equal size among the sorted values (quantiles). */
export function quantileBreaks(values: number[], classes: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from({ length: classes - 1 }, (_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / classes) - 1)]!);
}

/**
 * Areas and legend of the district map. By amount: Ortsteile without a grant form their own
 * class, the others four classes of equal size (quartiles of the amount per inhabitant). By
 * social index: the city's classes (planning/social-index.ts), low to high need.
 */
export function mapModel(rows: FundingRow[], colouring: MapColouring): { areas: MapArea[]; legend: MapLegend[] } {
  if (colouring === 'socialIndex') {
    const classes = [...socialIndexClasses].reverse();
    const colours = classColours(classes.length);
    return {
      legend: classes.map((c, i) => ({ label: c.label, colour: colours[i]! })),
      areas: rows.map((r) => {
        const i = r.socialIndex == null ? -1 : classes.findIndex((c, j) => r.socialIndex! >= c.min && (j === classes.length - 1 || r.socialIndex! < classes[j + 1]!.min));
        return {
          districtId: r.key,
          name: r.label,
          classIndex: i < 0 ? null : i,
          valueLabel: r.socialIndex == null ? t('reports.map.noFigures') : t('reports.map.socialIndexValue', { value: decimal.format(r.socialIndex) }),
        };
      }),
    };
  }
  const funded = rows.filter((r) => (r.approvedCentsPerInhabitant ?? 0) > 0).map((r) => r.approvedCentsPerInhabitant!);
  const classes = Math.min(4, new Set(funded).size);
  const breaks = classes > 1 ? quantileBreaks(funded, classes) : [];
  const colours = ['#f2f2f2', ...classColours(Math.max(1, classes))];
  const sorted = [...funded].sort((a, b) => a - b);
  const bounds = [sorted[0] ?? 0, ...breaks, sorted[sorted.length - 1] ?? 0];
  const legend: MapLegend[] = [{ label: t('reports.map.noGrant'), colour: colours[0]! }];
  for (let i = 0; i < Math.max(1, classes) && funded.length; i++) {
    const from = i === 0 ? bounds[0]! : bounds[i]! + 1;
    const to = bounds[i + 1]!;
    const label = from === to ? t('reports.map.perInhabitant', { amount: formatEuro(to) }) : t('reports.map.perInhabitantRange', { from: formatEuro(from), to: formatEuro(to) });
    legend.push({ label, colour: colours[i + 1]! });
  }
  return {
    legend,
    areas: rows.map((r) => {
      const value = r.approvedCentsPerInhabitant;
      let classIndex: number | null = null;
      if (value === 0) classIndex = 0;
      else if (value != null && value > 0) {
        const below = breaks.findIndex((b) => value <= b);
        classIndex = 1 + (below === -1 ? breaks.length : below);
      }
      return {
        districtId: r.key,
        name: r.label,
        classIndex,
        valueLabel: value == null ? t('reports.map.noFigures') : t('reports.map.perInhabitantValue', { value: formatEuro(value), total: formatEuro(r.approvedCents) }),
      };
    }),
  };
}
