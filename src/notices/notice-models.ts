import type { Db } from '../db/client';
import { t } from '../i18n/t';
import { applicationDataOf, totalsOf } from '../cases/applications/data';
import { statementDataOf } from '../cases/statements/data';
import { formatEuro } from '../cases/money';
import { loadAuthorityAsOf } from './authority';
import type { GrantModel, NoticeBase, StatementModel } from './model';

type CaseWithOrganisation = {
  id: string;
  reference: string;
  title: string;
  data: string;
  reviewerId: string | null;
  submittedAt: Date | null;
  organisation: { name: string; street: string; postalCode: string; city: string };
};

/** The parts every letter shares: authority, addressee, contact person, reference, dates, verification. */
export async function noticeBase(
  db: Db,
  row: CaseWithOrganisation,
  issuedAt: Date,
  verification: NoticeBase['verification'],
): Promise<Omit<NoticeBase, 'kind'> & { submittedAt: string }> {
  const [reviewer, authority] = await Promise.all([
    row.reviewerId ? db.user.findUnique({ where: { id: row.reviewerId } }) : null,
    loadAuthorityAsOf(db, issuedAt),
  ]);
  return {
    reference: row.reference,
    issuedAt: issuedAt.toISOString(),
    verification,
    authority,
    addressee: { name: row.organisation.name, street: row.organisation.street, postalCode: row.organisation.postalCode, city: row.organisation.city },
    contact: reviewer
      ? { name: reviewer.name, email: reviewer.email }
      : { name: authority.department, email: authority.email, phone: authority.phone },
    projectTitle: row.title,
    submittedAt: (row.submittedAt ?? issuedAt).toISOString(),
  };
}

/** The grant: the binding plan must balance, so whatever the grant does not cover is the provider's share. */
export function grantModel(row: CaseWithOrganisation, base: Omit<NoticeBase, 'kind'> & { submittedAt: string }, payload: Record<string, unknown>): GrantModel {
  const data = applicationDataOf(row);
  const totals = totalsOf(data);
  const grantedCents = Number(payload.amount);
  const ownFundsCents = totals.totalCostCents - (data.thirdPartyFundsCents ?? 0) - grantedCents;
  const extraOwnFunds = ownFundsCents - (data.ownFundsCents ?? 0);
  const planNote = extraOwnFunds > 0 ? t('notices.extraOwnFunds', { amount: formatEuro(extraOwnFunds), ownFunds: formatEuro(ownFundsCents) }) : undefined;
  const conditions = [planNote, payload.conditions ? String(payload.conditions) : undefined].filter(Boolean).join('\n\n');
  return {
    ...base,
    kind: 'grant',
    requestedCents: totals.requestedCents,
    grantedCents,
    financingType: data.financingType ?? 'deficit',
    periodStart: data.periodStart ?? '',
    periodEnd: data.periodEnd ?? '',
    costItems: (data.costItems ?? []).map((i) => ({ category: t(`labels.costCategories.${i.category}`), description: i.description, amountCents: i.amountCents })),
    ownFundsCents,
    thirdPartyFundsCents: data.thirdPartyFundsCents ?? 0,
    ...(conditions ? { conditions } : {}),
    ...(payload.rationale ? { rationale: String(payload.rationale) } : {}),
    purpose: data.summary ?? data.title ?? row.title,
  };
}

export interface StatementDraft {
  position: StatementModel['position'];
  text: string;
  sections?: Partial<StatementModel['sections']>;
}

/** The statement letter from the request and a draft; used for the issued letter and its preview alike. */
export async function statementModel(
  db: Db,
  row: CaseWithOrganisation,
  base: Omit<NoticeBase, 'kind'> & { submittedAt: string },
  draft: StatementDraft,
  signerId: string | null,
): Promise<StatementModel> {
  const data = statementDataOf(row);
  const district = data.districtId ? await db.district.findUnique({ where: { id: data.districtId } }) : null;
  const signer = signerId ? await db.user.findUnique({ where: { id: signerId } }) : null;
  const inReasons = t('notices.sectionInReasons');
  return {
    ...base,
    kind: 'statement',
    funder: data.funder ?? '',
    funderProgramme: data.funderProgramme ?? '',
    summary: data.summary ?? '',
    districtName: district ? `${district.name} (Planungsraum ${district.planningArea})` : '',
    totalCostCents: data.totalCostCents ?? 0,
    requestedFromFunderCents: data.requestedFromFunderCents ?? 0,
    municipalContributionCents: data.municipalContributionCents ?? 0,
    ...(data.funderDeadline ? { funderDeadline: data.funderDeadline } : {}),
    position: draft.position,
    sections: {
      need: draft.sections?.need || inReasons,
      planning: draft.sections?.planning || inReasons,
      offers: draft.sections?.offers || inReasons,
      cooperation: draft.sections?.cooperation || inReasons,
      cofinancing: draft.sections?.cofinancing || t('notices.sectionNotGiven'),
    },
    reasons: draft.text,
    signedBy: signer?.role === 'head' ? { name: signer.name, title: t('roles.head') } : { name: base.authority.signatoryName, title: base.authority.signatoryTitle },
  };
}
