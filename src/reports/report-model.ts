import type { Db } from '../db/client';
import type { DatabaseProvider } from '../config';
import { formatEuro } from '../cases/money';
import { t } from '../i18n/t';
import { budgetReport } from './budget-report';
import { decisionTimes } from './decision-times';
import { fundingGroups, fundingReport, type FundingReport, type ReportDimension } from './funding-report';
import { loadDistrictShapes } from './district-shapes';
import { districtFacts } from './districts';
import { mapModel, type MapColouring } from './map-model';
import { districtMap } from './map';
import { barChart, budgetChart } from './charts';
import { monthLabel } from './tables';
import type { ReportScope } from './scope';

export interface ReportContext {
  db: Db;
  provider: DatabaseProvider;
  scope: ReportScope;
}

/** The chart of a funding report: the amount approved per row (or requested, before decisions). */
export function fundingChart(report: FundingReport, scope: ReportScope): string {
  const measure = report.totals.approvedCents > 0 ? 'approved' : 'requested';
  const bars = report.rows.map((r) => {
    const cents = measure === 'approved' ? r.approvedCents : r.requestedCents;
    return { label: r.label, value: cents, valueLabel: formatEuro(cents) };
  });
  const title = t(`reports.chart.${measure}By`, { dimension: t(`reports.dimensions.${report.by}`), scope: scope.label });
  return barChart({ id: `chart-${report.by}`, title, desc: t('reports.chart.desc'), bars });
}

/**
 * Everything the head's overview shows, from four queries whatever the number of cases:
 * budget figures and months, the district report (one grouped query), the shapes and the map.
 */
export async function overviewModel(ctx: ReportContext, colouring: MapColouring) {
  const { db, provider, scope } = ctx;
  const [budget, groups, shapes, districts] = await Promise.all([
    budgetReport({ db, provider, scope }),
    fundingGroups(db, scope),
    loadDistrictShapes(db),
    districtFacts(db, scope.year),
  ]);
  const [byDistrict, byArea] = await Promise.all([
    fundingReport({ db, scope, by: 'district', groups, districts }),
    fundingReport({ db, scope, by: 'planningArea', groups, districts }),
  ]);
  const map = mapModel(byDistrict.rows, colouring);
  const mapTitle = t(colouring === 'amount' ? 'reports.map.titleAmount' : 'reports.map.titleIndex', { scope: scope.label });
  const points = budget.months.map((m) => ({ month: m.month, monthLabel: monthLabel(m.month).replace(/ (\d{2})(\d{2})$/, ' $2'), committed: m.committedCents, cumulative: m.cumulativeCents }));
  return {
    budget,
    byDistrict,
    byArea,
    areaChart: fundingChart(byArea, scope),
    budgetChart: budgetChart({
      id: 'chart-budget',
      title: t('reports.budget.chartTitle', { scope: scope.label }),
      desc: t('reports.budget.chartDesc'),
      budget: budget.budgetCents,
      points,
      format: (cents) => formatEuro(Math.round(cents)).replace(/,00 €$/, ' €'),
      budgetLabel: t('reports.budget.budgetLine', { amount: formatEuro(budget.budgetCents) }),
    }),
    map: districtMap({ id: 'map-districts', title: mapTitle, desc: t('reports.map.desc'), shapes: shapes.shapes, areas: map.areas, legend: map.legend }),
    mapMissing: byDistrict.rows.filter((r) => !shapes.shapes.some((s) => s.districtId === r.key)).map((r) => r.label),
    colouring,
  };
}

export async function fundingModel(ctx: ReportContext, by: ReportDimension) {
  const [report, times] = await Promise.all([fundingReport({ db: ctx.db, scope: ctx.scope, by }), decisionTimes(ctx)]);
  return { report, chart: fundingChart(report, ctx.scope), times };
}
