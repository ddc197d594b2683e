import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import type { Db, Tx } from '../../db/client';
import type { ApplicationData, ApplicationDraftInput } from './schemas';
import { lookUpDistrict, lookUpFieldOfAction } from '../reference-lookup';

/**
 * Turns validated form input into stored data: names of the district and field of action
 * become ids from the configured lists (an unknown one is a 422), money stays in cents.
 * Only the fields present in the input are returned, so a PATCH changes just those.
 */
export async function toApplicationData(db: Db | Tx, input: ApplicationDraftInput): Promise<ApplicationData> {
  const data: ApplicationData = {};
  const errors: { path: string; message: string }[] = [];
  if (input.district !== undefined) {
    const found = await lookUpDistrict(db, input.district);
    if ('id' in found) data.districtId = found.id;
    else errors.push(found.error);
  }
  if (input.fieldOfAction !== undefined) {
    const found = await lookUpFieldOfAction(db, input.fieldOfAction);
    if ('id' in found) data.fieldOfActionId = found.id;
    else errors.push(found.error);
  }
  if (input.roundId !== undefined) {
    if (input.roundId === null) data.roundId = null;
    else if (await db.fundingRound.findUnique({ where: { id: input.roundId }, select: { id: true } })) data.roundId = input.roundId;
    else errors.push({ path: 'roundId', message: t('planning.unknownRound') });
  }
  if (errors.length > 0) throw new AppError('invalid', t('errors.422.detail'), { errors });
  const copy = ['title', 'summary', 'periodStart', 'periodEnd', 'financingType', 'subGoals', 'projectElements', 'contactName', 'contactEmail', 'contactPhone'] as const;
  for (const key of copy) {
    if (input[key] !== undefined) (data as Record<string, unknown>)[key] = input[key];
  }
  if (input.costItems !== undefined) {
    data.costItems = input.costItems.map((i) => ({ category: i.category, description: i.description, amountCents: i.amount }));
  }
  if (input.ownFunds !== undefined) data.ownFundsCents = input.ownFunds;
  if (input.thirdPartyFunds !== undefined) data.thirdPartyFundsCents = input.thirdPartyFunds;
  if (input.requestedAmount !== undefined) data.requestedCents = input.requestedAmount;
  return data;
}
