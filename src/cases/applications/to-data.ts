import { AppError } from '../../http/errors';
import { t } from '../../i18n/t';
import type { Db, Tx } from '../../db/client';
import type { ApplicationData, ApplicationDraftInput } from './schemas';

/**
 * Turns validated form input into stored data: names of the district and field of action
 * become ids from the configured lists (an unknown one is a 422), money stays in cents.
 * Only the fields present in the input are returned, so a PATCH changes just those.
 */
export async function toApplicationData(db: Db | Tx, input: ApplicationDraftInput): Promise<ApplicationData> {
  const data: ApplicationData = {};
  const errors: { path: string; message: string }[] = [];
  if (input.district !== undefined) {
    const district = await db.district.findFirst({ where: { OR: [{ id: input.district }, { name: input.district }], active: true } });
    if (district) data.districtId = district.id;
    else errors.push({ path: 'district', message: t('cases.unknownDistrict') });
  }
  if (input.fieldOfAction !== undefined) {
    const field = await db.fieldOfAction.findFirst({ where: { OR: [{ id: input.fieldOfAction }, { name: input.fieldOfAction }], active: true } });
    if (field) data.fieldOfActionId = field.id;
    else errors.push({ path: 'fieldOfAction', message: t('cases.unknownFieldOfAction') });
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
