import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import type { Db, Tx } from '../../db/client';
import { lookUpDistrict } from '../reference-lookup';
import type { StatementData, StatementDraftInput } from './schemas';

/** Validated input as stored data: the district by id, money in cents; only the given fields. */
export async function toStatementData(db: Db | Tx, input: StatementDraftInput): Promise<StatementData> {
  const data: StatementData = {};
  if (input.district !== undefined) {
    const found = await lookUpDistrict(db, input.district);
    if (!('id' in found)) throw new AppError('invalid', t('errors.422.detail'), { errors: [found.error] });
    data.districtId = found.id;
  }
  for (const key of ['title', 'funder', 'funderProgramme', 'summary', 'funderDeadline', 'periodStart', 'periodEnd'] as const) {
    if (input[key] !== undefined) data[key] = input[key];
  }
  if (input.totalCost !== undefined) data.totalCostCents = input.totalCost;
  if (input.requestedFromFunder !== undefined) data.requestedFromFunderCents = input.requestedFromFunder;
  if (input.municipalContribution !== undefined) data.municipalContributionCents = input.municipalContribution;
  return data;
}
