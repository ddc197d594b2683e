import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { t } from '../i18n/t';
import type { NoticeJob } from '../jobs/outbox';
import { applicationDataOf, totalsOf } from '../cases/applications/data';
import { formatEuro } from '../cases/money';
import { defaultAuthority } from './authority';
import type { NoticeBase, NoticeModel, StatementModel } from './model';
import { statementDataOf } from '../cases/statements/data';
import { renderNotice } from './render';

/** Builds the notice's view model from the case as it stood when the event was recorded. */
export async function noticeModelFor(db: Db, job: NoticeJob, issuedAt: Date): Promise<NoticeModel> {
  const row = await db.case.findUniqueOrThrow({ where: { id: job.caseId }, include: { organisation: true } });
  const event = await db.auditEvent.findUniqueOrThrow({ where: { id: job.auditEventId } });
  const payload = JSON.parse(event.payload) as Record<string, unknown>;
  const reviewer = row.reviewerId ? await db.user.findUnique({ where: { id: row.reviewerId } }) : null;
  const data = applicationDataOf(row);
  const totals = totalsOf(data);
  const base = {
    reference: row.reference,
    issuedAt: issuedAt.toISOString(),
    authority: defaultAuthority,
    addressee: { name: row.organisation.name, street: row.organisation.street, postalCode: row.organisation.postalCode, city: row.organisation.city },
    contact: reviewer ? { name: reviewer.name, email: reviewer.email } : { name: defaultAuthority.department, email: defaultAuthority.email, phone: defaultAuthority.phone },
    projectTitle: data.title ?? row.title,
    submittedAt: (row.submittedAt ?? event.at).toISOString(),
  };
  switch (job.noticeKind) {
    case 'receipt':
      return { ...base, kind: 'receipt', submittedAt: event.at.toISOString() };
    case 'request_for_changes':
      return { ...base, kind: 'request_for_changes', message: String(payload.message), dueDate: String(payload.dueDate) };
    case 'grant': {
      const grantedCents = Number(payload.amount);
      // The binding plan must balance: whatever the grant does not cover is the provider's share.
      const ownFundsCents = totals.totalCostCents - (data.thirdPartyFundsCents ?? 0) - grantedCents;
      const extraOwnFunds = ownFundsCents - (data.ownFundsCents ?? 0);
      const planNote =
        extraOwnFunds > 0
          ? t('notices.extraOwnFunds', { amount: formatEuro(extraOwnFunds), ownFunds: formatEuro(ownFundsCents) })
          : undefined;
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
    case 'rejection':
      return { ...base, kind: 'rejection', requestedCents: totals.requestedCents, rationale: String(payload.rationale) };
    case 'statement':
      return statementModel(db, row, base, event.actorId);
    default:
      throw new Error(`Unknown notice kind ${job.noticeKind}`);
  }
}

/** The statement letter: the request as submitted, the reviewer's draft, signed by the issuing head. */
async function statementModel(
  db: Db,
  row: { id: string; state: string; data: string },
  base: Omit<NoticeBase, 'kind'> & { submittedAt: string },
  issuerId: string | null,
): Promise<StatementModel> {
  const data = statementDataOf(row);
  const draftEvent = await db.auditEvent.findFirstOrThrow({ where: { subjectType: 'case', subjectId: row.id, action: 'DRAFT_STATEMENT' }, orderBy: { at: 'desc' } });
  const draft = JSON.parse(draftEvent.payload) as { position: StatementModel['position']; text: string; sections?: Partial<StatementModel['sections']> };
  const district = data.districtId ? await db.district.findUnique({ where: { id: data.districtId } }) : null;
  const issuer = issuerId ? await db.user.findUnique({ where: { id: issuerId } }) : null;
  const none = t('notices.sectionNotGiven');
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
      need: draft.sections?.need || none,
      planning: draft.sections?.planning || none,
      offers: draft.sections?.offers || none,
      cooperation: draft.sections?.cooperation || none,
      cofinancing: draft.sections?.cofinancing || none,
    },
    reasons: draft.text,
    signedBy: issuer ? { name: issuer.name, title: t('roles.head') } : { name: defaultAuthority.signatoryName, title: defaultAuthority.signatoryTitle },
  };
}

/**
 * Renders and stores a notice once. The outbox job id is unique on the notice, so a job that
 * runs again after a crash finds its notice and stops: a decision never yields two notices.
 */
export async function issueNotice(options: { db: Db; job: NoticeJob; jobId: string }): Promise<void> {
  const { db, job, jobId } = options;
  if (await db.notice.findUnique({ where: { jobId } })) return;
  const event = await db.auditEvent.findUniqueOrThrow({ where: { id: job.auditEventId } });
  // The notice is dated with the decision, not with the moment a worker got to it.
  const model = await noticeModelFor(db, job, event.at);
  const bytes = await renderNotice(model);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    await db.notice.create({ data: { caseId: job.caseId, kind: job.noticeKind, sha256, content: Buffer.from(bytes), jobId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
