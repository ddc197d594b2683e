import { PDFDocument, StandardFonts } from 'pdf-lib';
import { applyEvent } from '../cases/engine/apply-event';
import { createApplication } from '../cases/applications/create-application';
import { applicationDraftInput } from '../cases/applications/schemas';
import { addAttachment } from '../documents/add-attachment';
import { parse } from '../http/validate';
import type { Actor } from '../auth/policy';
import type { Services } from '../services';
import { demoAccounts } from './demo-data';

async function demoPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 60, y: 760, size: 18, font });
  page.drawText('Beispieldokument der Demodaten des Förderportals.'.replace('ö', 'oe'), { x: 60, y: 730, size: 11, font });
  return Buffer.from(await doc.save());
}

const projects = [
  { title: 'Erzählcafé für Jung und Alt', district: 'Roter Berg', field: 'Seniorinnen und Senioren', requested: '8000.00' },
  { title: 'Hausaufgabenhilfe im Stadtteilladen', district: 'Rieth', field: 'Kinder, Jugend und Familie', requested: '6500.00' },
  { title: 'Nachbarschaftsgarten Herrenberg', district: 'Herrenberg', field: 'Nachbarschaft und Begegnung', requested: '4200.00' },
  { title: 'Sprachcafé für Neuzugewanderte', district: 'Berliner Platz', field: 'Integration und Teilhabe', requested: '5000.00' },
  { title: 'Mittagstisch am Moskauer Platz', district: 'Moskauer Platz', field: 'Armut und soziale Ausgrenzung', requested: '9000.00' },
  { title: 'Bewegungstreff im Park', district: 'Johannesplatz', field: 'Gesundheit und Prävention', requested: '3000.00' },
  { title: 'Beratungsstunde Energiekosten', district: 'Wiesenhügel', field: 'Bildung und Beratung', requested: '2500.00' },
];

/**
 * Demo applications in every state, made through the same use-cases and engine as real ones,
 * so a newcomer sees a lived-in portal with real notices after the first start.
 */
export async function seedDemoCases(services: Services): Promise<void> {
  const { db, clock, storage } = services;
  const kind = services.kinds.application;
  const users = await db.user.findMany({ where: { email: { in: demoAccounts.map((a) => a.email) } } });
  const byRole = (role: string) => users.find((u) => u.role === role)!;
  const applicantUser = byRole('applicant');
  const actorOf = (u: { id: string; role: string; organisationId: string | null }): Actor => ({ id: u.id, role: u.role as Actor['role'], organisationId: u.organisationId });
  const applicant = actorOf(applicantUser);
  const coordinator = actorOf(byRole('coordinator'));
  const head = actorOf(byRole('head'));
  const event = (actor: Actor, caseId: string, type: string, body: Record<string, unknown> = {}) =>
    applyEvent({ db, clock, kind, actor, caseId, type, body });

  const create = async (i: number, complete = true) => {
    const p = projects[i]!;
    const requestedCents = Number(p.requested.replace('.', ''));
    const input = complete
      ? {
          title: p.title,
          summary: `${p.title}: ein offenes, kostenfreies Angebot im Ortsteil ${p.district}, geplant mit den Menschen vor Ort.`,
          district: p.district,
          fieldOfAction: p.field,
          periodStart: '2027-01-01',
          periodEnd: '2027-12-31',
          financingType: 'deficit',
          costItems: [
            { category: 'personnel', description: 'Honorarkraft, 6 Wochenstunden', amount: ((requestedCents * 0.7) / 100 + 500).toFixed(2) },
            { category: 'material', description: 'Material und Raummiete', amount: ((requestedCents * 0.3) / 100 + 300).toFixed(2) },
          ],
          ownFunds: '500.00',
          thirdPartyFunds: '300.00',
          requestedAmount: p.requested,
          subGoals: ['Begegnung im Ortsteil stärken', 'Ehrenamtliche gewinnen'],
          projectElements: ['Regelmäßiges offenes Treffen', 'Aushänge und Nachbarschaftsbriefe'],
          contactName: applicantUser.name,
          contactEmail: applicantUser.email,
        }
      : { title: p.title, district: p.district };
    const row = await createApplication({ db, clock, actor: applicant, kind, input: parse(applicationDraftInput, input) });
    if (complete) {
      for (const [attachmentKind, label] of [
        ['cost_plan', 'Kosten- und Finanzierungsplan'],
        ['statutes', 'Satzung'],
        ['tax_exemption', 'Freistellungsbescheid'],
      ] as const) {
        const bytes = await demoPdf(`${label} – ${p.title}`);
        await addAttachment({
          db,
          clock,
          actor: applicant,
          storage,
          caseKind: 'application',
          caseId: row.id,
          allowedKinds: [attachmentKind],
          kind: attachmentKind,
          file: { originalname: `${label}.pdf`, buffer: bytes, size: bytes.length },
        });
      }
    }
    return row.id;
  };

  await create(0, false);
  const submitted = await create(1);
  await event(applicant, submitted, 'SUBMIT');

  const inReview = await create(2);
  await event(applicant, inReview, 'SUBMIT');
  await event(coordinator, inReview, 'START_REVIEW');

  const changes = await create(3);
  await event(applicant, changes, 'SUBMIT');
  await event(coordinator, changes, 'START_REVIEW');
  const due = new Date(clock.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  await event(coordinator, changes, 'REQUEST_CHANGES', { message: 'Bitte reichen Sie den aktuellen Freistellungsbescheid des Finanzamts nach.', dueDate: due });

  const awaiting = await create(4);
  await event(applicant, awaiting, 'SUBMIT');
  await event(coordinator, awaiting, 'START_REVIEW');
  await event(coordinator, awaiting, 'RECOMMEND', { recommendation: 'approve', amount: '9000.00', rationale: 'Hoher Bedarf im Ortsteil, klarer Sozialraumbezug, solide Finanzierung.' });

  const approved = await create(5);
  await event(applicant, approved, 'SUBMIT');
  await event(coordinator, approved, 'START_REVIEW');
  await event(coordinator, approved, 'RECOMMEND', { recommendation: 'approve', amount: '2500.00', rationale: 'Gutes Konzept; die Sachkosten sind zu hoch angesetzt.' });
  await event(head, approved, 'APPROVE', { amount: '2500.00', rationale: 'Die Sachkosten sind nur bis 2.500,00 € förderfähig, weil die Raummiete bereits aus anderen Mitteln gedeckt ist.' });

  const rejected = await create(6);
  await event(applicant, rejected, 'SUBMIT');
  await event(coordinator, rejected, 'START_REVIEW');
  await event(coordinator, rejected, 'RECOMMEND', { recommendation: 'reject', rationale: 'Das Angebot besteht im Ortsteil bereits (Verbraucherzentrale).' });
  await event(head, rejected, 'REJECT', { rationale: 'Eine gleichartige Energieberatung wird im Ortsteil bereits regelmäßig angeboten; eine Doppelförderung ist nach der FRL Soziales ausgeschlossen. Die begrenzten Haushaltsmittel werden für Angebote ohne Überschneidung eingesetzt.' });

  const withdrawn = await create(2);
  await event(applicant, withdrawn, 'WITHDRAW', { reason: 'Das Projekt wird im nächsten Jahr neu beantragt.' });
}
