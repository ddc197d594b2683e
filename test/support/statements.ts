import request from 'supertest';
import type { TestApp } from './app';
import { PDF_BYTES } from './cases';

export const completeStatementRequest = {
  title: 'Quartiersmanagement Rieth digital',
  funder: 'Europäischer Sozialfonds Plus (ESF Plus)',
  funderProgramme: 'ESF Plus – Soziale Innovation',
  summary: 'Digitale Sprechstunden und Lotsen für ältere Menschen im Rieth.',
  district: 'Rieth',
  totalCost: '48000.00',
  requestedFromFunder: '36000.00',
  municipalContribution: '0.00',
  funderDeadline: '2027-01-31',
  periodStart: '2027-04-01',
  periodEnd: '2028-03-31',
};

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function buildDraftStatementRequest(t: TestApp, token: string, body: Record<string, unknown> = completeStatementRequest) {
  const res = await request(t.app).post('/api/v1/statement-requests').set(auth(token)).send(body);
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${res.text}`);
  return res.body as { id: string; version: number; reference: string };
}

export async function sendStatementEvent(t: TestApp, token: string, id: string, body: Record<string, unknown>) {
  return request(t.app).post(`/api/v1/statement-requests/${id}/events`).set(auth(token)).send(body);
}

export async function buildSubmittedStatementRequest(t: TestApp, token: string) {
  const draft = await buildDraftStatementRequest(t, token);
  const up = await request(t.app)
    .post(`/api/v1/statement-requests/${draft.id}/attachments`)
    .set(auth(token))
    .field('kind', 'third_party_application')
    .attach('file', PDF_BYTES, 'Antrag ESF Plus.pdf');
  if (up.status !== 201) throw new Error(`attach failed ${up.status}: ${up.text}`);
  const res = await sendStatementEvent(t, token, draft.id, { type: 'SUBMIT' });
  if (res.status !== 200) throw new Error(`submit failed ${res.status}: ${res.text}`);
  return draft;
}

export const statementDraft = {
  type: 'DRAFT_STATEMENT',
  position: 'supportive',
  text: 'Das Vorhaben schließt eine Lücke in der digitalen Teilhabe älterer Menschen im Rieth.',
  sections: {
    need: 'Hoher Anteil Älterer, Sozialindex überdurchschnittlich.',
    planning: 'Entspricht dem Integrierten Stadtentwicklungskonzept.',
    offers: 'Kein vergleichbares Angebot im Ortsteil.',
    cooperation: 'Kooperation mit dem Seniorenbeirat.',
    cofinancing: 'Eine Kofinanzierung durch die Stadt ist nicht beantragt.',
  },
};

export async function buildStatementAwaitingApproval(t: TestApp, applicant: string, coordinator: string) {
  const draft = await buildSubmittedStatementRequest(t, applicant);
  for (const body of [{ type: 'START_REVIEW' }, statementDraft]) {
    const res = await sendStatementEvent(t, coordinator, draft.id, body);
    if (res.status !== 200) throw new Error(`${String(body.type)} failed ${res.status}: ${res.text}`);
  }
  return draft;
}
