import { applyEvent } from '../cases/engine/apply-event';
import { createApplication } from '../cases/applications/create-application';
import { applicationDraftInput } from '../cases/applications/schemas';
import { addAttachment } from '../documents/add-attachment';
import { parse } from '../http/validate';
import { createStatementRequest } from '../cases/statements/create-statement';
import { statementDraftInput } from '../cases/statements/schemas';
import type { Actor } from '../auth/policy';
import type { Services } from '../services';
import { demoAccounts } from './demo-data';

async function demoPdf(title: string): Promise<Buffer> {
  // Loaded only when demo data is made: a server keeps pdf-lib off its request thread.
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
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
  { title: 'Familienfrühstück im Rieth', district: 'Rieth', field: 'Kinder, Jugend und Familie', requested: '6000.00' },
  { title: 'Seniorentreff Drosselberg', district: 'Drosselberg', field: 'Seniorinnen und Senioren', requested: '4500.00' },
  { title: 'Nachbarschaftsfest Altstadt', district: 'Altstadt', field: 'Nachbarschaft und Begegnung', requested: '3000.00' },
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

  // More recommendations awaiting the decision, so the round's list for the committee has an order.
  for (const [i, amount] of [[7, '6000.00'], [8, '4000.00'], [9, '3000.00']] as const) {
    const id = await create(i);
    await event(applicant, id, 'SUBMIT');
    await event(coordinator, id, 'START_REVIEW');
    await event(coordinator, id, 'RECOMMEND', { recommendation: 'approve', amount, rationale: 'Passt zum Bedarf im Ortsteil; Kosten angemessen.' });
  }

  const withdrawn = await create(2);
  await event(applicant, withdrawn, 'WITHDRAW', { reason: 'Das Projekt wird im nächsten Jahr neu beantragt.' });

  await seedDemoStatements(services, { applicant, coordinator, head });
}

const statementRequests = [
  { title: 'Digitale Lotsen für Ältere', funder: 'Europäischer Sozialfonds Plus (ESF Plus)', funderProgramme: 'ESF Plus – Soziale Innovation', district: 'Rieth', totalCost: '48000.00', requestedFromFunder: '36000.00', municipalContribution: '0.00', days: 45 },
  { title: 'Familienzentrum am Herrenberg', funder: 'Freistaat Thüringen', funderProgramme: 'Landesprogramm Solidarisches Zusammenleben (LSZ)', district: 'Herrenberg', totalCost: '60000.00', requestedFromFunder: '45000.00', municipalContribution: '5000.00', days: 12 },
  { title: 'Kiezküche Moskauer Platz', funder: 'Deutsche Stiftung für Engagement und Ehrenamt', funderProgramme: 'Engagement stärken', district: 'Moskauer Platz', totalCost: '18000.00', requestedFromFunder: '15000.00', municipalContribution: '0.00', days: 30 },
  { title: 'Sprachbrücken Berliner Platz', funder: 'Europäischer Sozialfonds Plus (ESF Plus)', funderProgramme: 'ESF Plus – Integration', district: 'Berliner Platz', totalCost: '72000.00', requestedFromFunder: '54000.00', municipalContribution: '7500.00', days: 60 },
];

/** Demo statement requests: a draft, one waiting, one awaiting signature and one issued. */
async function seedDemoStatements(services: Services, people: { applicant: Actor; coordinator: Actor; head: Actor }) {
  const { db, clock, storage } = services;
  const kind = services.kinds.statement;
  const { applicant, coordinator, head } = people;
  const event = (actor: Actor, caseId: string, type: string, body: Record<string, unknown> = {}) => applyEvent({ db, clock, kind, actor, caseId, type, body });
  const ids: string[] = [];
  for (const [i, r] of statementRequests.entries()) {
    const deadline = new Date(clock.now().getTime() + r.days * 86_400_000).toISOString().slice(0, 10);
    const { days: _days, ...input } = r;
    const row = await createStatementRequest({
      db,
      clock,
      actor: applicant,
      kind,
      input: parse(statementDraftInput, { ...input, summary: `${r.title}: ein Vorhaben im Ortsteil ${r.district}, für das der Träger Mittel bei ${r.funder} beantragt.`, funderDeadline: deadline }),
    });
    ids.push(row.id);
    if (i === 0) continue;
    const bytes = await demoPdf(`Antrag bei ${r.funder}`);
    await addAttachment({ db, clock, actor: applicant, storage, caseKind: 'statement', caseId: row.id, allowedKinds: ['third_party_application'], kind: 'third_party_application', file: { originalname: 'Drittmittelantrag.pdf', buffer: bytes, size: bytes.length } });
    await event(applicant, row.id, 'SUBMIT');
  }
  const draftBody = {
    position: 'supportive',
    text: 'Das Vorhaben deckt einen belegten Bedarf im Ortsteil und ergänzt die bestehenden Angebote sinnvoll.',
    sections: {
      need: 'Der Ortsteil hat einen überdurchschnittlichen Sozialindex; viele Familien beziehen Transferleistungen.',
      planning: 'Das Vorhaben entspricht den Zielen des Integrierten Stadtentwicklungskonzepts und der Sozialplanung.',
      offers: 'Ein vergleichbares Angebot gibt es im Ortsteil nicht; Doppelstrukturen entstehen nicht.',
      cooperation: 'Der Träger arbeitet mit der Schule, dem Stadtteilbüro und dem Jugendamt zusammen.',
      cofinancing: 'Die erbetene Kofinanzierung kann nur im Rahmen der verfügbaren Haushaltsmittel geprüft werden.',
    },
  };
  for (const id of [ids[2]!, ids[3]!]) {
    await event(coordinator, id, 'START_REVIEW');
    await event(coordinator, id, 'DRAFT_STATEMENT', draftBody);
  }
  await event(head, ids[3]!, 'ISSUE');
}
