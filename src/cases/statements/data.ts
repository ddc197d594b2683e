import type { StatementData } from './schemas';

export function statementDataOf(row: { data: string }): StatementData {
  return JSON.parse(row.data) as StatementData;
}

/** What lists and the deadline-sorted inbox need; the city is asked for the municipal contribution. */
export function statementColumns(data: StatementData) {
  return {
    title: data.title ?? '',
    districtId: data.districtId ?? null,
    totalCostCents: data.totalCostCents ?? 0,
    requestedCents: data.municipalContributionCents ?? 0,
    deadline: data.funderDeadline ?? null,
  };
}
