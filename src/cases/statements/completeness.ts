import { t } from '../../i18n/t';
import type { StatementData } from './schemas';

const required = ['title', 'funder', 'funderProgramme', 'summary', 'districtId', 'funderDeadline'] as const;
const publicPath: Record<string, string> = { districtId: 'district' };

/** What keeps a request for a statement from being submitted; empty means complete. */
export function missingStatementParts(data: StatementData, attachmentKinds: string[]) {
  const missing: { path: string; message: string }[] = [];
  for (const field of required) {
    if (!data[field]) missing.push({ path: publicPath[field] ?? field, message: t(`statements.missing.${field}`) });
  }
  if (!data.totalCostCents) missing.push({ path: 'totalCost', message: t('statements.missing.totalCost') });
  if (!data.requestedFromFunderCents) missing.push({ path: 'requestedFromFunder', message: t('statements.missing.requestedFromFunder') });
  if (data.municipalContributionCents === undefined) {
    missing.push({ path: 'municipalContribution', message: t('statements.missing.municipalContribution') });
  }
  if (!attachmentKinds.includes('third_party_application')) {
    missing.push({ path: 'attachments.third_party_application', message: t('cases.missing.attachment', { kind: t('labels.attachmentKinds.third_party_application') }) });
  }
  return missing;
}
