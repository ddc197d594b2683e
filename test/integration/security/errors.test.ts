import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { buildActors, type ActorName, type TestActor } from '../../support/actors';
import { buildDraftApplication, buildSubmittedApplication, completeApplication } from '../../support/cases';
import { createLogger, requestLogger } from '../../../src/http/logger';

/** What must never reach a client: stack frames, source paths, internal error names. */
function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\n\s*at\s+\S+/);
  expect(body).not.toMatch(/\(?\/[\w./-]+\.(ts|js):\d+(:\d+)?/);
  expect(body).not.toMatch(/node_modules|\/work\/|\/src\/|\/home\//);
  expect(body).not.toMatch(/TypeError|ReferenceError|SyntaxError|RangeError|PrismaClient|SQLITE_|ECONNREFUSED|EBADCSRFTOKEN/);
}

const text = (res: { text?: string; body?: unknown }) => res.text ?? JSON.stringify(res.body ?? '');

describe('no internals ever reach a client', () => {
  let t: TestApp;
  let actors: Record<ActorName, TestActor>;
  let draftId: string;
  let submitted: { id: string; attachmentId: string };

  beforeAll(async () => {
    t = await createTestApp();
    actors = await buildActors(t);
    draftId = (await buildDraftApplication(t, actors.applicant.token!)).id;
    const app = await buildSubmittedApplication(t, actors.applicant.token!);
    submitted = { id: app.id, attachmentId: (await t.db.attachment.findFirstOrThrow({ where: { caseId: app.id } })).id };
  }, 60_000);
  afterAll(() => t.close());

  const bearer = () => ({ Authorization: `Bearer ${actors.applicant.token}` });
  const post = (path: string) => request(t.app).post(path).set(bearer());
  const deep = (depth: number) => `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`;

  const provocations: [string, () => Promise<{ status: number; text?: string; body?: unknown }>, number][] = [
    ['malformed JSON', () => post('/api/v1/applications').set('Content-Type', 'application/json').send('{"title": "a",'), 400],
    ['JSON that is only a string', () => post('/api/v1/applications').set('Content-Type', 'application/json').send('"text"'), 400],
    ['JSON null', () => post('/api/v1/applications').set('Content-Type', 'application/json').send('null'), 400],
    ['a JSON array as the body', () => post('/api/v1/applications').send([1, 2, 3]), 400],
    ['JSON nested 50,000 deep', () => post('/api/v1/applications').set('Content-Type', 'application/json').send(deep(50_000)), 422],
    ['JSON in an unsupported charset', () => post('/api/v1/applications').set('Content-Type', 'application/json; charset=latin1').send('{}'), 415],
    ['an unknown content encoding', () => post('/api/v1/applications').set({ 'Content-Type': 'application/json', 'Content-Encoding': 'zstd-unbekannt' }).send('{}'), 415],
    ['a gzip body that is not gzip', () => post('/api/v1/applications').set({ 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).send('kein gzip'), 400],
    ['a body over the limit', () => post('/api/v1/applications').send({ title: 'x'.repeat(1_100_000) }), 413],
    ['a form body over the limit', () => actors.applicant.agent.post('/antraege/neu').type('form').send(`title=${'x'.repeat(1_100_000)}`), 413],
    ['an unknown content type', () => post('/api/v1/applications').set('Content-Type', 'application/x-unbekannt').send('<a/>'), 400],
    ['XML instead of JSON', () => post('/api/v1/applications').set('Content-Type', 'application/xml').send('<?xml version="1.0"?><a/>'), 400],
    ['a broken percent-encoding in the path (API)', () => request(t.app).get('/api/v1/applications/%E0%A4%A').set(bearer()), 400],
    ['a broken percent-encoding in the path (page)', () => actors.applicant.agent.get('/antraege/%E0%A4%A'), 400],
    ['a lone percent sign in the path', () => request(t.app).get('/api/v1/applications/%').set(bearer()), 400],
    ['a NUL byte in the path', () => request(t.app).get('/antraege/%00'), 400],
    ['an If-Match that is no version', () => request(t.app).patch(`/api/v1/applications/${draftId}`).set(bearer()).set('If-Match', 'W/"kaputt"').send({ title: 'x' }), 400],
    ['a stale If-Match', () => request(t.app).patch(`/api/v1/applications/${draftId}`).set(bearer()).set('If-Match', '"999"').send({ title: 'x' }), 412],
    ['an event of an unknown type', () => post(`/api/v1/applications/${draftId}/events`).send({ type: 'SELBST_BEWILLIGEN' }), 422],
    ['an event without a type', () => post(`/api/v1/applications/${draftId}/events`).send({}), 422],
    ['an event type that is an object', () => post(`/api/v1/applications/${draftId}/events`).send({ type: { toString: 'x' } }), 422],
    ['a malformed Authorization header', () => request(t.app).get('/api/v1/me').set('Authorization', 'Bearer'), 401],
    ['a token of 10,000 characters', () => request(t.app).get('/api/v1/me').set('Authorization', `Bearer ${'a'.repeat(10_000)}`), 401],
    ['a case created with every field wrong', () => post('/api/v1/applications').send({ ...completeApplication, periodStart: 'gestern', costItems: 'viele', ownFunds: -1 }), 422],
    ['a method the route does not know', () => request(t.app).put('/api/v1/applications').set(bearer()).send({}), 404],
    ['an unknown API path', () => request(t.app).get('/api/v1/../../etc/passwd').set(bearer()), 404],
  ];

  it.each(provocations)('when the app gets %s, then it answers with status %i and no stack trace or path', async (_label, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectNoInternals(text(res));
  });

  it.each([
    ['the API', () => request(t.app).get(`/api/v1/applications/${submitted.id}/attachments/${submitted.attachmentId}`).set(bearer()), /^application\/problem\+json/],
    ['a page', () => actors.applicant.agent.get(`/antraege/${submitted.id}/anlagen/${submitted.attachmentId}`), /^text\/html/],
  ])('when an unexpected error happens behind %s, then the answer is a plain 500 without its message or stack', async (_label, send, type) => {
    const failure = new Error('ENOENT: no such file, open /srv/geheim/uploads/ab/abc at Object.read (/app/src/documents/storage.ts:27:11)');
    const spy = jest.spyOn(t.app.services.storage, 'get').mockRejectedValue(failure);
    try {
      const res = await send();
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(type);
      expectNoInternals(text(res));
      expect(text(res)).not.toContain('ENOENT');
      expect(text(res)).not.toContain('geheim');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the request log', () => {
  it('when a request carries credentials and a CSRF token, then none of them is written to the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    const app = express();
    app.use(requestLogger(logger));
    app.post('/anlagen', (_req, res) => res.status(204).end());
    await request(app)
      .post('/anlagen?_csrf=GEHEIMES-CSRF-TOKEN&kind=other')
      .set({ Authorization: 'Bearer GEHEIMER-SCHLUESSEL', Cookie: 'fps.sid=GEHEIME-SITZUNG', 'X-CSRF-Token': 'GEHEIMES-HEADER-TOKEN' })
      .send();
    const log = lines.join('\n');
    expect(log).toContain('/anlagen?_csrf=[Redacted]&kind=other');
    expect(log).toContain('"kind":"other"');
    expect(log).not.toMatch(/GEHEIM/);
  });
});
