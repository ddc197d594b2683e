import type { ApplicationData } from './schemas';

export function applicationDataOf(row: { data: string }): ApplicationData {
  return JSON.parse(row.data) as ApplicationData;
}

export interface ApplicationTotals {
  totalCostCents: number;
  fundingGapCents: number;
  requestedCents: number;
}

/** The server's arithmetic of the cost and financing plan; pages only mirror it. */
export function totalsOf(data: ApplicationData): ApplicationTotals {
  const totalCostCents = (data.costItems ?? []).reduce((sum, item) => sum + item.amountCents, 0);
  const fundingGapCents = totalCostCents - (data.ownFundsCents ?? 0) - (data.thirdPartyFundsCents ?? 0);
  return { totalCostCents, fundingGapCents, requestedCents: data.requestedCents ?? 0 };
}

export function applicationColumns(data: ApplicationData) {
  const totals = totalsOf(data);
  return {
    title: data.title ?? '',
    districtId: data.districtId ?? null,
    fieldOfActionId: data.fieldOfActionId ?? null,
    totalCostCents: totals.totalCostCents,
    requestedCents: totals.requestedCents,
    // Only a choice present in the data is written, so a PATCH without it keeps the round.
    ...(data.roundId !== undefined ? { roundId: data.roundId } : {}),
  };
}
