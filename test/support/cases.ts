import request from 'supertest';

/** What the builders send requests to: an in-process app, or the URL of a running server. */
export interface CaseTarget {
  app: Parameters<typeof request>[0];
}

/** Bytes the content sniffer recognises as a PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const completeApplication = {
  title: 'Nachbarschaftscafé am Roten Berg',
  summary: 'Ein offener Treffpunkt für alle Generationen im Ortsteil Roter Berg.',
  district: 'Roter Berg',
  fieldOfAction: 'Nachbarschaft und Begegnung',
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  financingType: 'deficit',
  costItems: [
    { category: 'personnel', description: 'Sozialpädagogische Fachkraft, 10 Wochenstunden', amount: '9000.00' },
    { category: 'material', description: 'Miete und Material', amount: '3000.00' },
  ],
  ownFunds: '1000.00',
  thirdPartyFunds: '500.00',
  requestedAmount: '10500.00',
  subGoals: ['Begegnung zwischen Generationen fördern'],
  projectElements: ['Wöchentliches Erzählcafé'],
  contactName: 'Ayşe Yılmaz',
  contactEmail: 'ayse@verein.example',
};

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function buildDraftApplication(t: CaseTarget, token: string, body: Record<string, unknown> = completeApplication) {
  const res = await request(t.app).post('/api/v1/applications').set(auth(token)).send(body);
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${res.text}`);
  return res.body as { id: string; version: number; reference: string };
}

export async function attachRequiredDocuments(t: CaseTarget, token: string, id: string) {
  for (const kind of ['cost_plan', 'statutes', 'tax_exemption']) {
    const res = await request(t.app)
      .post(`/api/v1/applications/${id}/attachments`)
      .set(auth(token))
      .field('kind', kind)
      .attach('file', PDF_BYTES, `${kind}.pdf`);
    if (res.status !== 201) throw new Error(`attach failed ${res.status}: ${res.text}`);
  }
}

export async function sendEvent(t: CaseTarget, token: string, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return request(t.app).post(`/api/v1/applications/${id}/events`).set({ ...auth(token), ...headers }).send(body);
}

export async function buildSubmittedApplication(t: CaseTarget, applicantToken: string) {
  const draft = await buildDraftApplication(t, applicantToken);
  await attachRequiredDocuments(t, applicantToken, draft.id);
  const res = await sendEvent(t, applicantToken, draft.id, { type: 'SUBMIT' });
  if (res.status !== 200) throw new Error(`submit failed ${res.status}: ${res.text}`);
  return draft;
}

export async function buildApplicationInReview(t: CaseTarget, applicantToken: string, coordinatorToken: string) {
  const app = await buildSubmittedApplication(t, applicantToken);
  const res = await sendEvent(t, coordinatorToken, app.id, { type: 'START_REVIEW' });
  if (res.status !== 200) throw new Error(`review failed ${res.status}: ${res.text}`);
  return app;
}

export async function buildApplicationAwaitingDecision(t: CaseTarget, applicantToken: string, coordinatorToken: string) {
  const app = await buildApplicationInReview(t, applicantToken, coordinatorToken);
  const res = await sendEvent(t, coordinatorToken, app.id, { type: 'RECOMMEND', recommendation: 'approve', amount: '10500.00', rationale: 'Erfüllt alle Kriterien.' });
  if (res.status !== 200) throw new Error(`recommend failed ${res.status}: ${res.text}`);
  return app;
}
