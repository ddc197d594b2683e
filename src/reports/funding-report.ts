import type { Db } from '../db/client';
import { t } from '../i18n/t';
import { socialIndexClasses } from '../planning/social-index';
import { districtFacts, type DistrictFacts } from './districts';
import { scopeWhere, type ReportScope } from './scope';

export const REPORT_DIMENSIONS = ['district', 'planningArea', 'socialIndexClass', 'fieldOfAction'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export interface FundingFigures {
  cases: number;
  approvedCases: number;
  rejectedCases: number;
  /** Submitted and neither decided nor withdrawn. */
  openCases: number;
  requestedCents: number;
  recommendedCents: number;
  approvedCents: number;
}

export interface FundingRow extends FundingFigures {
  key: string;
  label: string;
  /** For districts and planning areas: inhabitants, approved cents per inhabitant, social index. */
  inhabitants?: number | null;
  approvedCentsPerInhabitant?: number | null;
  socialIndex?: number | null;
}

export interface FundingReport {
  by: ReportDimension;
  rows: FundingRow[];
  totals: FundingFigures;
}

const DECIDED = new Set(['approved', 'rejected', 'withdrawn']);
const UNKNOWN = '__unknown__';

const empty = (): FundingFigures => ({ cases: 0, approvedCases: 0, rejectedCases: 0, openCases: 0, requestedCents: 0, recommendedCents: 0, approvedCents: 0 });

function add(into: FundingFigures, g: Group): void {
  into.cases += g.count;
  if (g.state === 'approved') into.approvedCases += g.count;
  if (g.state === 'rejected') into.rejectedCases += g.count;
  if (!DECIDED.has(g.state)) into.openCases += g.count;
  into.requestedCents += g.requested;
  into.recommendedCents += g.recommended;
  into.approvedCents += g.approved;
}

interface Group {
  districtId: string | null;
  fieldOfActionId: string | null;
  state: string;
  count: number;
  requested: number;
  recommended: number;
  approved: number;
}

/**
 * The scope's applications grouped by Ortsteil, field of action and state in ONE query (a few
 * hundred groups whatever the number of cases; the report index covers it); every dimension is
 * then folded from those groups, so all reports of a page agree to the cent.
 */
export async function fundingGroups(db: Db, scope: ReportScope): Promise<Group[]> {
  if (scope.roundIds.length === 0) return [];
  const groups = await db.case.groupBy({
    by: ['districtId', 'fieldOfActionId', 'state'],
    where: scopeWhere(scope),
    _count: { _all: true },
    _sum: { requestedCents: true, recommendedCents: true, approvedCents: true },
  });
  return groups.map((g) => ({
    districtId: g.districtId,
    fieldOfActionId: g.fieldOfActionId,
    state: g.state,
    count: g._count._all,
    requested: g._sum.requestedCents ?? 0,
    recommended: g._sum.recommendedCents ?? 0,
    // An approved amount counts once the case is approved (a rejection stores 0).
    approved: g.state === 'approved' ? (g._sum.approvedCents ?? 0) : 0,
  }));
}

function keyOf(by: ReportDimension, g: Group, districts: Map<string, DistrictFacts>): string {
  const district = g.districtId ? districts.get(g.districtId) : undefined;
  switch (by) {
    case 'district':
      return g.districtId ?? UNKNOWN;
    case 'planningArea':
      return district?.planningArea ?? UNKNOWN;
    case 'socialIndexClass':
      return district?.indexClass ?? 'unknown';
    case 'fieldOfAction':
      return g.fieldOfActionId ?? UNKNOWN;
  }
}

/** Amounts, counts and (for places) inhabitants and amount per inhabitant, per key of one dimension. */
export async function fundingReport(options: {
  db: Db;
  scope: ReportScope;
  by: ReportDimension;
  /** Already fetched by a page that shows several reports of one scope. */
  groups?: Group[];
  districts?: Map<string, DistrictFacts>;
}): Promise<FundingReport> {
  const { db, scope, by } = options;
  const [groups, districts, fields] = await Promise.all([
    options.groups ?? fundingGroups(db, scope),
    options.districts ?? districtFacts(db, scope.year),
    by === 'fieldOfAction' ? db.fieldOfAction.findMany({ orderBy: { name: 'asc' } }) : Promise.resolve([]),
  ]);
  const rows = new Map<string, FundingRow>();
  const labelOf = (key: string): string => {
    if (key === UNKNOWN || key === 'unknown') return t('reports.unknown');
    if (by === 'district') return districts.get(key)?.name ?? key;
    if (by === 'fieldOfAction') return fields.find((f) => f.id === key)?.name ?? key;
    if (by === 'socialIndexClass') return socialIndexClasses.find((c) => c.key === key)?.label ?? key;
    return key;
  };
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, label: labelOf(key), ...empty() }));
    return r;
  };
  // Every Ortsteil, planning area, class and field appears, with zeros where nothing was funded:
  // a blank on the map is information too.
  if (by === 'district') for (const d of districts.values()) row(d.id);
  if (by === 'planningArea') for (const d of districts.values()) row(d.planningArea);
  if (by === 'socialIndexClass') for (const c of socialIndexClasses) row(c.key);
  if (by === 'fieldOfAction') for (const f of fields) row(f.id);
  const totals = empty();
  for (const g of groups) {
    add(row(keyOf(by, g, districts)), g);
    add(totals, g);
  }
  if (by === 'district' || by === 'planningArea') {
    for (const r of rows.values()) {
      const members = [...districts.values()].filter((d) => (by === 'district' ? d.id === r.key : d.planningArea === r.key));
      const inhabitants = members.every((d) => d.inhabitants !== null) && members.length ? members.reduce((s, d) => s + d.inhabitants!, 0) : null;
      r.inhabitants = inhabitants;
      r.approvedCentsPerInhabitant = inhabitants ? Math.round(r.approvedCents / inhabitants) : null;
      if (by === 'district') r.socialIndex = members[0]?.socialIndex ?? null;
    }
  }
  const order = (r: FundingRow) => (r.key === UNKNOWN || r.key === 'unknown' ? 1 : 0);
  const sorted = [...rows.values()].sort((a, b) =>
    order(a) - order(b) || (by === 'socialIndexClass' ? 0 : a.label.localeCompare(b.label, 'de')),
  );
  // An "unknown" row only where cases lack the attribute.
  return { by, rows: sorted.filter((r) => order(r) === 0 || r.cases > 0), totals };
}
