import { germanToApiMoney, toGermanInput } from '../money';
import type { StatementData } from './schemas';

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const moneyFields = ['totalCost', 'requestedFromFunder', 'municipalContribution'] as const;

/** The page form in the API's shape; German amounts become "10500.00". */
export function formToStatementInput(body: Body): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of ['title', 'funder', 'funderProgramme', 'summary']) input[key] = str(body[key]);
  for (const key of ['district', 'funderDeadline', 'periodStart', 'periodEnd']) if (str(body[key])) input[key] = str(body[key]);
  for (const key of moneyFields) {
    const value = str(body[key]).trim();
    if (value !== '') input[key] = germanToApiMoney(value);
  }
  return input;
}

export function statementFormValues(data: StatementData) {
  const money = (cents: number | undefined) => (cents === undefined ? '' : toGermanInput(cents));
  return {
    title: data.title ?? '',
    funder: data.funder ?? '',
    funderProgramme: data.funderProgramme ?? '',
    summary: data.summary ?? '',
    district: data.districtId ?? '',
    totalCost: money(data.totalCostCents),
    requestedFromFunder: money(data.requestedFromFunderCents),
    municipalContribution: money(data.municipalContributionCents),
    funderDeadline: data.funderDeadline ?? '',
    periodStart: data.periodStart ?? '',
    periodEnd: data.periodEnd ?? '',
  };
}
