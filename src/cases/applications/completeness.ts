import { t } from '../../i18n/t';
import { formatEuro } from '../money';
import { totalsOf } from './data';
import type { ApplicationData } from './schemas';

const requiredFields = [
  'title',
  'summary',
  'districtId',
  'fieldOfActionId',
  'periodStart',
  'periodEnd',
  'financingType',
  'contactName',
  'contactEmail',
] as const;

/** The field name people and API clients know for each stored field. */
const publicPath: Record<string, string> = { districtId: 'district', fieldOfActionId: 'fieldOfAction' };

/**
 * Everything that keeps an application from being submitted, each with the field it concerns
 * and a German message; empty means complete. Pure, so the summary page and SUBMIT agree.
 */
export function missingParts(data: ApplicationData, attachmentKinds: string[], requiredAttachments: string[]) {
  const missing: { path: string; message: string }[] = [];
  for (const field of requiredFields) {
    if (!data[field]) missing.push({ path: publicPath[field] ?? field, message: t(`cases.missing.${field}`) });
  }
  if (!data.costItems?.length) missing.push({ path: 'costItems', message: t('cases.missing.costItems') });
  if (!data.requestedCents) missing.push({ path: 'requestedAmount', message: t('cases.missing.requestedAmount') });
  if (!data.subGoals?.length) missing.push({ path: 'subGoals', message: t('cases.missing.subGoals') });
  if (!data.projectElements?.length) missing.push({ path: 'projectElements', message: t('cases.missing.projectElements') });
  const totals = totalsOf(data);
  if (data.requestedCents && data.costItems?.length && totals.requestedCents > totals.fundingGapCents) {
    missing.push({ path: 'requestedAmount', message: t('cases.requestedTooHigh', { gap: formatEuro(Math.max(0, totals.fundingGapCents)) }) });
  }
  for (const kind of requiredAttachments) {
    if (!attachmentKinds.includes(kind)) {
      missing.push({ path: `attachments.${kind}`, message: t('cases.missing.attachment', { kind: t(`labels.attachmentKinds.${kind}`) }) });
    }
  }
  return missing;
}
