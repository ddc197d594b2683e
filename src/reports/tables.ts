import { t } from '../i18n/t';
import type { ExportColumn, ExportTable } from '../exports/table';
import type { FundingReport, FundingRow, ReportDimension } from './funding-report';
import type { BudgetMonth, BudgetReport } from './budget-report';
import type { DecisionTimes } from './decision-times';
import type { FundedProject } from './funded-projects';
import type { ReportScope } from './scope';

const h = (key: string) => t(`reports.columns.${key}`);

export const dimensionSlugs: Record<string, ReportDimension> = {
  ortsteil: 'district',
  planungsraum: 'planningArea',
  sozialindex: 'socialIndexClass',
  handlungsfeld: 'fieldOfAction',
};
export const slugOfDimension = Object.fromEntries(Object.entries(dimensionSlugs).map(([k, v]) => [v, k])) as Record<ReportDimension, string>;

/** The columns of a funding report; places add inhabitants and amount per inhabitant. */
export function fundingColumns(by: ReportDimension): ExportColumn<FundingRow>[] {
  return [
    { header: t(`reports.dimensions.${by}`), type: 'text', value: (r) => r.label, width: 34 },
    ...(by === 'district' ? [{ header: h('socialIndex'), type: 'decimal' as const, value: (r: FundingRow) => r.socialIndex }] : []),
    ...(by === 'district' || by === 'planningArea' ? [{ header: h('inhabitants'), type: 'integer' as const, value: (r: FundingRow) => r.inhabitants }] : []),
    { header: h('cases'), type: 'integer', value: (r) => r.cases, width: 10 },
    { header: h('approvedCases'), type: 'integer', value: (r) => r.approvedCases, width: 10 },
    { header: h('rejectedCases'), type: 'integer', value: (r) => r.rejectedCases, width: 10 },
    { header: h('openCases'), type: 'integer', value: (r) => r.openCases, width: 10 },
    { header: h('requested'), type: 'money', value: (r) => r.requestedCents },
    { header: h('recommended'), type: 'money', value: (r) => r.recommendedCents },
    { header: h('approved'), type: 'money', value: (r) => r.approvedCents },
    ...(by === 'district' || by === 'planningArea'
      ? [{ header: h('perInhabitant'), type: 'money' as const, value: (r: FundingRow) => r.approvedCentsPerInhabitant }]
      : []),
  ];
}

const fileYear = (scope: ReportScope) => (scope.roundId ? `runde-${scope.year}` : String(scope.year));

export function fundingTable(report: FundingReport, scope: ReportScope): ExportTable<FundingRow> {
  const totals: FundingRow = { key: 'total', label: t('reports.total'), ...report.totals };
  if (report.by === 'district' || report.by === 'planningArea') {
    const inhabitants = report.rows.every((r) => r.inhabitants != null) ? report.rows.reduce((s, r) => s + (r.inhabitants ?? 0), 0) : null;
    totals.inhabitants = inhabitants;
    totals.approvedCentsPerInhabitant = inhabitants ? Math.round(report.totals.approvedCents / inhabitants) : null;
  }
  return {
    title: `${t(`reports.dimensionTitles.${report.by}`)} ${scope.year}`,
    fileName: `foerderbericht-${slugOfDimension[report.by]}-${fileYear(scope)}`,
    columns: fundingColumns(report.by),
    rows: [...report.rows, totals],
  };
}

export function budgetTable(report: BudgetReport, scope: ReportScope): ExportTable<BudgetMonth> {
  return {
    title: `${t('reports.budget.title')} ${scope.year}`,
    fileName: `haushalt-${fileYear(scope)}`,
    columns: [
      { header: h('month'), type: 'text', value: (m) => monthLabel(m.month), width: 16 },
      { header: h('approvals'), type: 'integer', value: (m) => m.approvals },
      { header: h('committedInMonth'), type: 'money', value: (m) => m.committedCents },
      { header: h('committedSoFar'), type: 'money', value: (m) => m.cumulativeCents },
      { header: h('remaining'), type: 'money', value: (m) => report.budgetCents - m.cumulativeCents },
      { header: h('usedShare'), type: 'percent', value: (m) => (report.budgetCents ? m.cumulativeCents / report.budgetCents : null) },
    ],
    rows: report.months,
  };
}

type TimeRow = { label: string; value: number | null; type: 'integer' | 'decimal' };

export function decisionTimesTable(times: DecisionTimes, scope: ReportScope): ExportTable<TimeRow> {
  const rows: TimeRow[] = [
    { label: t('reports.times.decided'), value: times.decided, type: 'integer' },
    { label: t('reports.times.median'), value: times.medianDays, type: 'decimal' },
    { label: t('reports.times.p90'), value: times.p90Days, type: 'decimal' },
    ...times.buckets.map((b) => ({ label: b.label, value: b.cases, type: 'integer' as const })),
  ];
  return {
    title: `${t('reports.times.title')} ${scope.year}`,
    fileName: `bearbeitungsdauer-${fileYear(scope)}`,
    columns: [
      { header: h('measure'), type: 'text', value: (r) => r.label, width: 40 },
      { header: h('count'), type: 'integer', value: (r) => (r.type === 'integer' ? r.value : null) },
      { header: h('days'), type: 'decimal', value: (r) => (r.type === 'decimal' ? r.value : null) },
    ],
    rows,
  };
}

export function fundedProjectsTable(items: FundedProject[], year: number): ExportTable<FundedProject> {
  return {
    title: `${t('transparency.sheet')} ${year}`,
    fileName: `gefoerderte-projekte-${year}`,
    columns: [
      { header: h('year'), type: 'integer', value: (p) => p.year, width: 10 },
      { header: h('reference'), type: 'text', value: (p) => p.reference, width: 16 },
      { header: h('title'), type: 'text', value: (p) => p.title, width: 40 },
      { header: h('organisation'), type: 'text', value: (p) => p.organisation, width: 30 },
      { header: h('district'), type: 'text', value: (p) => p.district, width: 20 },
      { header: h('planningArea'), type: 'text', value: (p) => p.planningArea, width: 14 },
      { header: h('fieldOfAction'), type: 'text', value: (p) => p.fieldOfAction, width: 30 },
      { header: h('amount'), type: 'money', value: (p) => p.amountCents },
    ],
    rows: items,
  };
}

const monthNames = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "2027-03" as "März 2027". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${monthNames[m! - 1]} ${y}`;
}
