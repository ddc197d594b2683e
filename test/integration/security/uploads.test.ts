import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { buildActors, type ActorName, type TestActor } from '../../support/actors';
import { buildDraftApplication } from '../../support/cases';
import { uploadCorpus, type UploadCase } from '../../support/uploads';
import { filesBelow } from '../../support/disk';

describe('hostile uploads', () => {
  let t: TestApp;
  let actors: Record<ActorName, TestActor>;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    actors = await buildActors(t);
    caseId = (await buildDraftApplication(t, actors.applicant.token!)).id;
  }, 60_000);
  afterAll(() => t.close());

  const targets = {
    api: () => request(t.app).post(`/api/v1/applications/${caseId}/attachments`).set('Authorization', `Bearer ${actors.applicant.token}`),
    // The form posts its CSRF token in the URL, since multipart bodies are read after the check.
    form: () => actors.applicant.agent.post(`/antraege/${caseId}/anlagen?_csrf=${encodeURIComponent(actors.applicant.csrf)}`),
  };
  const refusedCases = uploadCorpus.filter((c) => c.storedAs === undefined);
  const neutralised = uploadCorpus.filter((c) => c.storedAs !== undefined);

  const rows = () => t.db.attachment.findMany({ where: { caseId } });
  const nameMatches = (expected: UploadCase['storedAs'], name: string) => (typeof expected === 'function' ? expected(name) : name === expected);

  it('when the corpus is counted, then it holds at least 30 refused and 10 neutralised files', () => {
    expect(refusedCases.length).toBeGreaterThanOrEqual(30);
    expect(neutralised.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(Object.keys(targets) as (keyof typeof targets)[])('through the %s', (target) => {
    it.each(refusedCases.map((c) => [c.label, c] as const))('when %s is uploaded, then it is refused with the exact status and nothing is stored', async (_label, upload) => {
      const filesBefore = filesBelow(t.uploadDir);
      const rowsBefore = await rows();
      const res = await upload.send(targets[target]());
      expect(res.status).toBe(upload.status);
      if (target === 'api') expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      else expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(filesBelow(t.uploadDir)).toEqual(filesBefore);
      expect(await rows()).toEqual(rowsBefore);
    });

    it.each(neutralised.map((c) => [c.label, c] as const))('when %s is uploaded, then it is stored under a safe name inside the upload folder only', async (_label, upload) => {
      const filesBefore = filesBelow(t.uploadDir);
      const res = await upload.send(targets[target]());
      expect(res.status).toBe(target === 'api' ? 201 : 303);
      const [stored] = (await rows()).filter((r) => !filesBefore.some((f) => f.endsWith(r.storageKey)));
      expect(stored).toBeDefined();
      expect(nameMatches(upload.storedAs, stored!.fileName)).toBe(true);
      expect([...stored!.fileName].length).toBeLessThanOrEqual(200);
      expect(stored!.fileName).not.toMatch(/[\\/\u0000-\u001f\u202e]/);
      const added = filesBelow(t.uploadDir).filter((f) => !filesBefore.includes(f));
      expect(added).toEqual([`${stored!.storageKey.slice(0, 2)}/${stored!.storageKey}`]);
      // Clean up, so the case stays under its limit of files.
      const gone = await request(t.app).delete(`/api/v1/applications/${caseId}/attachments/${stored!.id}`).set('Authorization', `Bearer ${actors.applicant.token}`);
      expect(gone.status).toBe(204);
      expect(filesBelow(t.uploadDir)).toEqual(filesBefore);
    });
  });

  it('when a refused file comes through the form, then the page names the problem next to the file field', async () => {
    const res = await uploadCorpus[0]!.send(targets.form());
    expect(res.status).toBe(415);
    expect(res.text).toContain('Dieser Dateityp wird nicht angenommen');
  });

  it('when a stored name holds markup, then the case page shows it escaped', async () => {
    const res = await request(t.app)
      .post(`/api/v1/applications/${caseId}/attachments`)
      .set('Authorization', `Bearer ${actors.applicant.token}`)
      .field('kind', 'other')
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), '<img src=x onerror=alert(1)>.pdf');
    expect(res.status).toBe(201);
    const page = await actors.applicant.agent.get(`/antraege/${caseId}`);
    expect(page.text).not.toContain('<img src=x onerror=alert(1)>');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
  });
});
