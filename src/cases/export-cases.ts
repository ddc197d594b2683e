import type { Db } from '../db/client';
import { t } from '../i18n/t';
import { inBatches, type ExportColumn, type ExportTable } from '../exports/table';
import { listWhere, type ListOptions } from './list-cases';
import { todayInBerlin } from '../clock';

const BATCH = 1000;

type ExportRow = {
  id: string;
  reference: string;
  title: string;
  state: string;
  districtId: string | null;
  data: string;
  requestedCents: number;
  recommendedCents: number | null;
  approvedCents: number | null;
  totalCostCents: number;
  dueDate: string | null;
  deadline: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  updatedAt: Date;
  organisation: { name: string };
};

interface Lookups {
  district: Map<string, { name: string; planningArea: string }>;
  field: Map<string, string>;
}

const fieldOf = (row: ExportRow): string | undefined => (JSON.parse(row.data) as { fieldOfActionId?: string }).fieldOfActionId;
const funderOf = (row: ExportRow): string | undefined => (JSON.parse(row.data) as { funder?: string }).funder;

function columnsFor(kind: string, staff: boolean, lookups: Lookups): ExportColumn<ExportRow>[] {
  const h = (key: string) => t(`exports.columns.${key}`);
  const district = (r: ExportRow) => (r.districtId ? lookups.district.get(r.districtId) : undefined);
  const shared: ExportColumn<ExportRow>[] = [
    { header: h('reference'), type: 'text', value: (r) => r.reference, width: 16 },
    { header: h('title'), type: 'text', value: (r) => r.title, width: 40 },
    ...(staff ? [{ header: h('organisation'), type: 'text' as const, value: (r: ExportRow) => r.organisation.name, width: 30 }] : []),
    { header: h('state'), type: 'text', value: (r) => t(`labels.states.${r.state}`), width: 20 },
    { header: h('district'), type: 'text', value: (r) => district(r)?.name, width: 20 },
    { header: h('planningArea'), type: 'text', value: (r) => district(r)?.planningArea, width: 14 },
  ];
  if (kind === 'statement') {
    return [
      ...shared,
      { header: h('funder'), type: 'text', value: funderOf, width: 30 },
      { header: h('funderDeadline'), type: 'date', value: (r) => r.deadline },
      { header: h('totalCost'), type: 'money', value: (r) => r.totalCostCents },
      { header: h('municipalContribution'), type: 'money', value: (r) => r.requestedCents },
      { header: h('submittedAt'), type: 'date', value: (r) => r.submittedAt },
      { header: h('issuedAt'), type: 'date', value: (r) => r.decidedAt },
      { header: h('updatedAt'), type: 'dateTime', value: (r) => r.updatedAt, width: 18 },
    ];
  }
  return [
    ...shared,
    { header: h('fieldOfAction'), type: 'text', value: (r) => lookups.field.get(fieldOf(r) ?? ''), width: 30 },
    { header: h('totalCost'), type: 'money', value: (r) => r.totalCostCents },
    { header: h('requested'), type: 'money', value: (r) => r.requestedCents },
    { header: h('recommended'), type: 'money', value: (r) => r.recommendedCents },
    { header: h('approved'), type: 'money', value: (r) => r.approvedCents },
    { header: h('dueDate'), type: 'date', value: (r) => r.dueDate },
    { header: h('submittedAt'), type: 'date', value: (r) => r.submittedAt },
    { header: h('decidedAt'), type: 'date', value: (r) => r.decidedAt },
    { header: h('updatedAt'), type: 'dateTime', value: (r) => r.updatedAt, width: 18 },
  ];
}

async function lookupsOf(db: Db): Promise<Lookups> {
  const [districts, fields] = await Promise.all([db.district.findMany(), db.fieldOfAction.findMany()]);
  return {
    district: new Map(districts.map((d) => [d.id, { name: d.name, planningArea: d.planningArea }])),
    field: new Map(fields.map((f) => [f.id, f.name])),
  };
}

/**
 * Every case of a list as the page filters it (all pages, in the page's order), as a table to
 * download. Rows are read a thousand at a time with a cursor, so a long list streams.
 */
export async function exportCases(options: ListOptions & { fileStem: string; now: Date }): Promise<ExportTable<ExportRow>> {
  const { db, actor, kind } = options;
  const where = await listWhere(options);
  const lookups = await lookupsOf(db);
  const orderBy = [...(options.orderBy ?? [{ updatedAt: 'desc' as const }]), { id: 'desc' as const }];
  const rows = inBatches<ExportRow>(BATCH, (after) =>
    db.case.findMany({
      where,
      include: { organisation: { select: { name: true } } },
      orderBy,
      take: BATCH,
      ...(after ? { cursor: { id: after.id }, skip: 1 } : {}),
    }),
  );
  return {
    title: t(kind === 'statement' ? 'exports.titles.statements' : 'exports.titles.applications'),
    fileName: `${options.fileStem}-${todayInBerlin(options.now)}`,
    columns: columnsFor(kind, actor.role !== 'applicant', lookups),
    rows,
  };
}
