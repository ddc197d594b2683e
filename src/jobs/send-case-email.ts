import type { Db } from '../db/client';
import { t } from '../i18n/t';
import type { EmailJob } from './outbox';
import type { Mailer } from './mailer';

/** Who acts next is told: new submissions go to the coordinators, everything else to the organisation. */
export async function sendCaseEmail(options: { db: Db; mailer: Mailer; baseUrl: string; job: EmailJob }) {
  const { db, mailer, baseUrl, job } = options;
  const row = await db.case.findUniqueOrThrow({ where: { id: job.caseId }, include: { organisation: true } });
  const recipients =
    job.audience === 'coordinators'
      ? await db.user.findMany({ where: { role: 'coordinator', active: true }, select: { email: true } })
      : await db.user.findMany({ where: { organisationId: row.organisationId, active: true }, select: { email: true } });
  const link = `${baseUrl}/${row.kind === 'application' ? 'antraege' : 'stellungnahmen'}/${row.id}`;
  const vars = { reference: row.reference, title: row.title || '–', organisation: row.organisation.name, link, dueDate: row.dueDate ?? '' };
  await mailer.send({
    to: recipients.map((r) => r.email),
    subject: t(`mail.${row.kind}.${job.event}.subject`, vars),
    text: `${t(`mail.${row.kind}.${job.event}.text`, vars)}\n\n${t('mail.footer', vars)}`,
  });
}
