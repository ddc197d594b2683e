import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/app';
import { buildActors, type ActorName, type TestActor } from '../../support/actors';
import { buildDraftApplication } from '../../support/cases';
import { uploadCorpus, type UploadCase } from '../../support/uploads';
import { storedKeys } from '../../support/stored-files';
import { filesBelow } from '../../support/disk';
import { imageOf } from '../../support/images';
import { seedAuthorityProfile } from '../../../src/notices/authority';
import { MAX_LOGO_BYTES } from '../../../src/notices/set-authority-logo';

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
      const filesBefore = await storedKeys(t);
      const rowsBefore = await rows();
      const res = await upload.send(targets[target]());
      expect(res.status).toBe(upload.status);
      if (target === 'api') expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      else expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(await storedKeys(t)).toEqual(filesBefore);
      expect(await rows()).toEqual(rowsBefore);
    });

    it.each(neutralised.map((c) => [c.label, c] as const))('when %s is uploaded, then it is stored under a safe name and a random key only', async (_label, upload) => {
      const filesBefore = await storedKeys(t);
      const res = await upload.send(targets[target]());
      expect(res.status).toBe(target === 'api' ? 201 : 303);
      const [stored] = (await rows()).filter((r) => !filesBefore.includes(r.storageKey));
      expect(stored).toBeDefined();
      expect(nameMatches(upload.storedAs, stored!.fileName)).toBe(true);
      expect([...stored!.fileName].length).toBeLessThanOrEqual(200);
      expect(stored!.fileName).not.toMatch(/[\\/\u0000-\u001f\u202e]/);
      const added = (await storedKeys(t)).filter((f) => !filesBefore.includes(f));
      expect(added).toEqual([stored!.storageKey]);
      // Under its key only: in the folder as <first two characters>/<key>, or in the table and not on disk.
      if (t.app.services.storage.kind === 'folder') expect(filesBelow(t.uploadDir)).toContain(`${stored!.storageKey.slice(0, 2)}/${stored!.storageKey}`);
      else expect(filesBelow(t.uploadDir)).toEqual([]);
      // Clean up, so the case stays under its limit of files.
      const gone = await request(t.app).delete(`/api/v1/applications/${caseId}/attachments/${stored!.id}`).set('Authorization', `Bearer ${actors.applicant.token}`);
      expect(gone.status).toBe(204);
      expect(await storedKeys(t)).toEqual(filesBefore);
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

  describe('the authority logo form', () => {
    const logoCases: [string, (req: request.Test) => request.Test, number][] = [
      ['an ELF executable named logo.png', (r) => r.attach('logo', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60)]), 'logo.png'), 415],
      ['an SVG with script', (r) => r.attach('logo', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'), 415],
      ['a PDF, allowed for attachments but not as a logo', (r) => r.attach('logo', Buffer.from('%PDF-1.4\n%%EOF\n'), 'logo.pdf'), 415],
      ['a PNG signature with nothing behind it', (r) => r.attach('logo', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(17)]), 'logo.png'), 422],
      ['an empty file', (r) => r.attach('logo', Buffer.alloc(0), 'logo.png'), 422],
      ['no file', (r) => r.field('x', 'y'), 422],
      ['a file over the logo limit', (r) => r.attach('logo', Buffer.alloc(MAX_LOGO_BYTES + 1, 0x89), 'logo.png'), 413],
      ['two files', (r) => r.attach('logo', Buffer.alloc(10), 'a.png').attach('logo', Buffer.alloc(10), 'b.png'), 400],
    ];

    beforeAll(async () => {
      await seedAuthorityProfile(t.db);
      const res = await actors.admin.agent.post(`/admin/behoerde/logo?_csrf=${encodeURIComponent(actors.admin.csrf)}`).attach('logo', await imageOf('png', 60, 20), 'logo.png');
      expect(res.status).toBe(303);
    });

    it.each(logoCases)('when an administrator uploads %s as the logo, then it is refused with %i and the stored logo stays', async (_label, build, status) => {
      const before = await t.db.authorityProfile.findUniqueOrThrow({ where: { id: 'default' }, select: { logo: true, logoMediaType: true } });
      const res = await build(actors.admin.agent.post(`/admin/behoerde/logo?_csrf=${encodeURIComponent(actors.admin.csrf)}`));
      expect(res.status).toBe(status);
      expect(await t.db.authorityProfile.findUniqueOrThrow({ where: { id: 'default' }, select: { logo: true, logoMediaType: true } })).toEqual(before);
    });
  });
});
