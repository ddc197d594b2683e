import { t } from '../../i18n/t';
import type { Actor } from '../../auth/policy';
import type { Db } from '../../db/client';
import type { CaseKind, CaseRow } from '../case-kind';
import { latestOf } from '../case-details';
import { casePageBase } from '../case-page-model';
import { formatEuro } from '../money';
import { STATEMENT_POSITIONS } from '../../workflow/statement-machine';
import { applicationDataOf } from '../applications/data';
import { statementDataOf } from './data';
import { missingStatementParts } from './completeness';
import { statementSteps, statementNextAction } from './progress';
import { statementAttachmentKinds } from './schemas';

export const sectionLabels = {
  need: 'Bedarf im Sozialraum',
  planning: 'Passung zu den Planungen der Stadt',
  offers: 'Bestehende Angebote und keine Doppelstrukturen',
  cooperation: 'Kooperation',
  cofinancing: 'Kofinanzierung durch die Stadt',
} as const;

/**
 * The organisation's other cases with amounts and periods, so that a double funding of the same
 * project is visible at a glance.
 */
async function otherCasesOf(db: Db, actor: Actor, row: CaseRow) {
  const others = await db.case.findMany({
    where: {
      organisationId: row.organisationId,
      id: { not: row.id },
      state: { notIn: ['withdrawn'] },
      // Drafts stay the provider's own.
      ...(actor.role === 'applicant' ? {} : { submittedAt: { not: null } }),
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
  });
  return others.map((c) => {
    const period =
      c.kind === 'application'
        ? (({ periodStart, periodEnd }) => ({ periodStart, periodEnd }))(applicationDataOf(c))
        : (({ periodStart, periodEnd }) => ({ periodStart, periodEnd }))(statementDataOf(c));
    return {
      id: c.id,
      kindLabel: c.kind === 'application' ? 'FRL-Antrag' : 'Stellungnahme',
      href: c.kind === 'application' ? `/antraege/${c.id}` : `/stellungnahmen/${c.id}`,
      reference: c.reference,
      title: c.title || '–',
      stateLabel: t(`labels.states.${c.state}`),
      amount: formatEuro(c.state === 'approved' && c.approvedCents !== null ? c.approvedCents : c.requestedCents),
      amountLabel: c.kind === 'application' ? (c.state === 'approved' ? 'bewilligt' : 'beantragt') : 'Kofinanzierung angefragt',
      period: period.periodStart && period.periodEnd ? { start: period.periodStart, end: period.periodEnd } : null,
    };
  });
}

export async function statementPageModel(db: Db, kind: CaseKind, actor: Actor, row: CaseRow) {
  const base = await casePageBase(db, kind, actor, row, statementAttachmentKinds);
  const data = statementDataOf(row);
  const district = data.districtId ? await db.district.findUnique({ where: { id: data.districtId } }) : null;
  const draftEvent = latestOf(base.details.history, 'DRAFT_STATEMENT');
  // The draft belongs to the administration until it is signed.
  const showDraft = draftEvent && (row.state === 'issued' || (actor.role !== 'applicant' && row.state === 'awaiting_approval'));
  return {
    ...base,
    basePath: '/stellungnahmen',
    data,
    districtName: district ? `${district.name} (Planungsraum ${district.planningArea})` : undefined,
    amounts: {
      totalCost: data.totalCostCents === undefined ? '–' : formatEuro(data.totalCostCents),
      requestedFromFunder: data.requestedFromFunderCents === undefined ? '–' : formatEuro(data.requestedFromFunderCents),
      municipalContribution: data.municipalContributionCents === undefined ? '–' : data.municipalContributionCents === 0 ? 'keine' : formatEuro(data.municipalContributionCents),
    },
    steps: statementSteps(row.state),
    next: statementNextAction(row.state, row.dueDate),
    missing: base.editable ? missingStatementParts(data, base.details.attachments.map((a) => a.kind)) : [],
    draft: showDraft
      ? {
          position: String(draftEvent.payload.position),
          positionLabel: t(`statements.positions.${String(draftEvent.payload.position)}`),
          text: String(draftEvent.payload.text),
          sections: Object.entries(sectionLabels).map(([key, label]) => ({
            label,
            text: ((draftEvent.payload.sections as Record<string, string> | undefined) ?? {})[key] ?? '',
          })),
          by: draftEvent.actorName,
        }
      : null,
    sectionLabels,
    positionItems: STATEMENT_POSITIONS.map((p) => ({ value: p, text: t(`statements.positions.${p}`) })),
    otherCases: await otherCasesOf(db, actor, row),
  };
}
