import { PDF_BYTES, completeApplication } from './cases';
import { completeStatementRequest, statementDraft } from './statements';
import type { ActorName, World } from './actors';
import { schematicDistrictMap } from '../../src/reports/schematic-map';

/** Expected status per caller, in the order of ACTOR_NAMES. */
export type Expected = Record<ActorName, number>;

export interface RouteRow {
  /** "METHOD /pattern" exactly as the Express router registers it. */
  route: string;
  /** A short reason for the record chosen, where the answer depends on it. */
  note?: string;
  url(w: World): string;
  /** JSON body for /api routes, form fields for pages. */
  body?(w: World): Record<string, unknown>;
  /** A multipart upload instead of a body. */
  upload?: { field: string; bytes: Buffer; name: string; fields: Record<string, string> };
  /** Sign-out and token revocation use the caller's spare sign-in, so the others stay valid. */
  spare?: boolean;
  expect: Expected;
}

/** anonymous, applicant (organisation A), applicant of organisation B, coordinator, head, admin. */
const e = (anonymous: number, applicant: number, otherApplicant: number, coordinator: number, head: number, admin: number): Expected => ({
  anonymous,
  applicant,
  otherApplicant,
  coordinator,
  head,
  admin,
});

const PUBLIC = e(200, 200, 200, 200, 200, 200);
const STAFF_REPORT_PAGE = e(303, 403, 403, 200, 200, 200);
const STAFF_REPORT_API = e(401, 403, 403, 200, 200, 200);
const ADMIN_PAGE = e(303, 403, 403, 403, 403, 200);
const pdfUpload = (kind: string) => ({ field: 'file', bytes: PDF_BYTES, name: 'nachweis.pdf', fields: { kind } });

/** The rows every case kind has in the JSON API; `a` is "applications" or "statement-requests". */
function caseApiRows(
  a: 'applications' | 'statement-requests',
  pick: (w: World) => { submitted: { id: string; attachmentId: string }; apiEvent: string; draft: { id: string; apiDelete: string } },
  create: Record<string, unknown>,
): RouteRow[] {
  const base = `/api/v1/${a}`;
  return [
    { route: `POST ${base}`, url: () => base, body: () => create, expect: e(401, 201, 201, 403, 403, 403) },
    { route: `GET ${base}`, url: () => base, expect: e(401, 200, 200, 200, 200, 200) },
    { route: `GET ${base}/:id`, url: (w) => `${base}/${pick(w).submitted.id}`, expect: e(401, 200, 404, 200, 200, 200) },
    {
      route: `PATCH ${base}/:id`,
      note: 'a draft: only its organisation sees it',
      url: (w) => `${base}/${pick(w).draft.id}`,
      body: () => ({ title: 'Neuer Titel des Vorhabens' }),
      expect: e(401, 200, 404, 404, 404, 404),
    },
    {
      route: `POST ${base}/:id/events`,
      note: 'START_REVIEW on a submitted case: coordinators only',
      url: (w) => `${base}/${pick(w).apiEvent}/events`,
      body: () => ({ type: 'START_REVIEW' }),
      expect: e(401, 403, 404, 200, 403, 403),
    },
    {
      route: `POST ${base}/:id/comments`,
      url: (w) => `${base}/${pick(w).submitted.id}/comments`,
      body: () => ({ body: 'Eine Rückfrage zum Vorhaben.', visibility: 'shared' }),
      expect: e(401, 201, 404, 201, 201, 403),
    },
    {
      route: `POST ${base}/:id/attachments`,
      url: (w) => `${base}/${pick(w).draft.id}/attachments`,
      upload: pdfUpload('other'),
      expect: e(401, 201, 404, 404, 404, 404),
    },
    {
      route: `GET ${base}/:id/attachments/:attachmentId`,
      url: (w) => `${base}/${pick(w).submitted.id}/attachments/${pick(w).submitted.attachmentId}`,
      expect: e(401, 200, 404, 200, 200, 200),
    },
    {
      route: `DELETE ${base}/:id/attachments/:attachmentId`,
      url: (w) => `${base}/${pick(w).draft.id}/attachments/${pick(w).draft.apiDelete}`,
      expect: e(401, 204, 404, 404, 404, 404),
    },
  ];
}

/** The page rows every case kind shares (case page, events, comments, attachments). */
function casePageRows(
  b: '/antraege' | '/stellungnahmen',
  headPreview: number,
  pick: (w: World) => { submitted: { id: string; attachmentId: string }; pageEvent: string; draft: { id: string; pageDelete: string } },
): RouteRow[] {
  return [
    { route: `GET ${b}`, url: () => b, expect: e(303, 200, 200, 200, 200, 200) },
    { route: `GET ${b}/neu`, url: () => `${b}/neu`, expect: e(303, 200, 200, 403, 403, 403) },
    { route: `POST ${b}/neu`, note: 'an empty form: a draft may be incomplete', url: () => `${b}/neu`, body: () => ({}), expect: e(303, 303, 303, 403, 403, 403) },
    { route: `GET ${b}/:id/bearbeiten`, url: (w) => `${b}/${pick(w).draft.id}/bearbeiten`, expect: e(303, 200, 404, 403, 403, 403) },
    {
      route: `POST ${b}/:id/bearbeiten`,
      note: 'an empty form: a draft may be incomplete',
      url: (w) => `${b}/${pick(w).draft.id}/bearbeiten`,
      body: () => ({}),
      expect: e(303, 303, 404, 403, 403, 403),
    },
    { route: `GET ${b}/:id`, url: (w) => `${b}/${pick(w).submitted.id}`, expect: e(303, 200, 404, 200, 200, 200) },
    {
      route: `POST ${b}/:id/ereignisse`,
      url: (w) => `${b}/${pick(w).pageEvent}/ereignisse`,
      body: () => ({ type: 'START_REVIEW' }),
      expect: e(303, 403, 404, 303, 403, 403),
    },
    {
      route: `POST ${b}/:id/bescheid-vorschau`,
      note: 'APPROVE on a case not yet decided: statements know no APPROVE',
      url: (w) => `${b}/${pick(w).submitted.id}/bescheid-vorschau`,
      body: () => ({ type: 'APPROVE', amount: '100,00' }),
      expect: e(303, 403, 404, 403, headPreview, 403),
    },
    {
      route: `POST ${b}/:id/kommentare`,
      url: (w) => `${b}/${pick(w).submitted.id}/kommentare`,
      body: () => ({ body: 'Eine Rückfrage.', visibility: 'shared' }),
      expect: e(303, 303, 404, 303, 303, 403),
    },
    { route: `POST ${b}/:id/anlagen`, url: (w) => `${b}/${pick(w).draft.id}/anlagen`, upload: pdfUpload('other'), expect: e(303, 303, 404, 403, 403, 403) },
    {
      route: `GET ${b}/:id/anlagen/:attachmentId`,
      url: (w) => `${b}/${pick(w).submitted.id}/anlagen/${pick(w).submitted.attachmentId}`,
      expect: e(303, 200, 404, 200, 200, 200),
    },
    {
      route: `POST ${b}/:id/anlagen/:attachmentId/loeschen`,
      url: (w) => `${b}/${pick(w).draft.id}/anlagen/${pick(w).draft.pageDelete}/loeschen`,
      body: () => ({}),
      expect: e(303, 303, 404, 403, 403, 403),
    },
  ];
}

const applicationsApi = (w: World) => ({ submitted: w.appSubmitted, apiEvent: w.appForApiEvent, draft: w.appDraft });
const statementsApi = (w: World) => ({ submitted: w.stmtSubmitted, apiEvent: w.stmtForApiEvent, draft: w.stmtDraft });
const applicationPages = (w: World) => ({ submitted: w.appSubmitted, pageEvent: w.appForPageEvent, draft: w.appDraft });
const statementPages = (w: World) => ({ submitted: w.stmtSubmitted, pageEvent: w.stmtForPageEvent, draft: w.stmtDraft });

/**
 * THE table: every route the app serves, with the exact status each kind of caller gets.
 * Rows run in this order; a route that changes something points at a record of its own.
 * A route added to the app without a row here fails the coverage test.
 */
export const routeTable = (logo: Buffer): RouteRow[] => [
  // Operations and the public API
  { route: 'GET /healthz', url: () => '/healthz', expect: PUBLIC },
  { route: 'GET /api/v1/openapi.json', url: () => '/api/v1/openapi.json', expect: PUBLIC },
  { route: 'GET /api/v1/verify/:code', url: (w) => `/api/v1/verify/${w.notice.code}`, expect: PUBLIC },

  // Authentication API
  { route: 'POST /api/v1/auth/tokens', note: 'an empty body', url: () => '/api/v1/auth/tokens', body: () => ({}), expect: e(422, 422, 422, 422, 422, 422) },
  { route: 'DELETE /api/v1/auth/tokens/current', url: () => '/api/v1/auth/tokens/current', spare: true, expect: e(401, 204, 204, 204, 204, 204) },
  { route: 'GET /api/v1/me', url: () => '/api/v1/me', expect: e(401, 200, 200, 200, 200, 200) },

  // Accounts API
  { route: 'POST /api/v1/organisations', note: 'an empty body', url: () => '/api/v1/organisations', body: () => ({}), expect: e(401, 403, 403, 403, 403, 422) },
  { route: 'GET /api/v1/organisations', url: () => '/api/v1/organisations', expect: e(401, 403, 403, 200, 200, 200) },
  {
    route: 'POST /api/v1/organisations/:id/approve',
    note: 'the coordinator approves; the admin then finds it no longer pending',
    url: (w) => `/api/v1/organisations/${w.pendingOrganisations.api}/approve`,
    expect: e(401, 403, 403, 200, 403, 409),
  },
  { route: 'POST /api/v1/organisations/:id/deactivate', url: (w) => `/api/v1/organisations/${w.spareOrganisations.api}/deactivate`, expect: e(401, 403, 403, 403, 403, 200) },
  { route: 'POST /api/v1/users', note: 'an empty body', url: () => '/api/v1/users', body: () => ({}), expect: e(401, 403, 403, 403, 403, 422) },
  { route: 'GET /api/v1/users', url: () => '/api/v1/users', expect: e(401, 403, 403, 403, 403, 200) },
  { route: 'POST /api/v1/users/:id/deactivate', url: (w) => `/api/v1/users/${w.spareUsers.api}/deactivate`, expect: e(401, 403, 403, 403, 403, 200) },

  // Cases API
  ...caseApiRows('applications', applicationsApi, completeApplication),
  ...caseApiRows('statement-requests', statementsApi, completeStatementRequest),

  // Programmes, rounds, committee and districts API
  { route: 'GET /api/v1/programmes', url: () => '/api/v1/programmes', expect: e(401, 403, 403, 200, 200, 200) },
  { route: 'POST /api/v1/programmes', note: 'an empty body', url: () => '/api/v1/programmes', body: () => ({}), expect: e(401, 403, 403, 403, 403, 422) },
  { route: 'PATCH /api/v1/programmes/:id', note: 'an empty change', url: () => '/api/v1/programmes/FRL_SOZIALES', body: () => ({}), expect: e(401, 403, 403, 403, 403, 200) },
  { route: 'GET /api/v1/rounds', url: () => '/api/v1/rounds', expect: e(401, 403, 403, 200, 200, 200) },
  { route: 'POST /api/v1/rounds', note: 'an empty body', url: () => '/api/v1/rounds', body: () => ({}), expect: e(401, 403, 403, 403, 403, 422) },
  { route: 'GET /api/v1/rounds/:id', url: (w) => `/api/v1/rounds/${w.round}`, expect: e(401, 403, 403, 200, 200, 200) },
  { route: 'PATCH /api/v1/rounds/:id', note: 'an empty change', url: (w) => `/api/v1/rounds/${w.round}`, body: () => ({}), expect: e(401, 403, 403, 403, 403, 200) },
  { route: 'GET /api/v1/rounds/:id/recommendations', url: (w) => `/api/v1/rounds/${w.round}/recommendations`, expect: e(401, 403, 403, 200, 200, 403) },
  { route: 'POST /api/v1/rounds/:id/resolutions', note: 'an empty body', url: (w) => `/api/v1/rounds/${w.round}/resolutions`, body: () => ({}), expect: e(401, 403, 403, 422, 403, 403) },
  { route: 'GET /api/v1/districts', url: () => '/api/v1/districts', expect: e(401, 403, 403, 200, 200, 200) },
  { route: 'POST /api/v1/districts', note: 'an empty body', url: () => '/api/v1/districts', body: () => ({}), expect: e(401, 403, 403, 403, 403, 422) },
  { route: 'POST /api/v1/districts/import', note: 'a JSON body: only text/csv is taken', url: () => '/api/v1/districts/import', body: () => ({}), expect: e(401, 403, 403, 403, 403, 415) },

  // Notices
  { route: 'GET /api/v1/notices/:id', url: (w) => `/api/v1/notices/${w.notice.id}`, expect: e(401, 200, 404, 200, 200, 200) },
  {
    route: 'POST /api/v1/notices/:id/corrections',
    note: 'an empty body: only the head gets as far as validation; applicants are refused before the notice is looked up',
    url: (w) => `/api/v1/notices/${w.notice.id}/corrections`,
    body: () => ({}),
    expect: e(401, 403, 403, 403, 422, 403),
  },
  { route: 'GET /bescheide/:id', url: (w) => `/bescheide/${w.notice.id}`, expect: e(303, 200, 404, 200, 200, 200) },
  { route: 'POST /bescheide/:id/berichtigen', url: (w) => `/bescheide/${w.notice.id}/berichtigen`, body: () => ({}), expect: e(303, 403, 403, 403, 422, 403) },
  { route: 'GET /verify', url: () => '/verify', expect: PUBLIC },
  { route: 'GET /verify/:code', url: (w) => `/verify/${w.notice.code}`, expect: PUBLIC },
  {
    route: 'POST /verify/:code',
    note: 'a PDF that is not the notice',
    url: (w) => `/verify/${w.notice.code}`,
    upload: { field: 'file', bytes: PDF_BYTES, name: 'bescheid.pdf', fields: {} },
    expect: PUBLIC,
  },

  // Public pages and signing in
  { route: 'GET /', url: () => '/', expect: PUBLIC },
  { route: 'GET /barrierefreiheit', url: () => '/barrierefreiheit', expect: PUBLIC },
  { route: 'GET /impressum', url: () => '/impressum', expect: PUBLIC },
  { route: 'GET /datenschutz', url: () => '/datenschutz', expect: PUBLIC },
  { route: 'GET /anmelden', note: 'signed-in people are sent on', url: () => '/anmelden', expect: e(200, 303, 303, 303, 303, 303) },
  {
    route: 'POST /anmelden',
    note: 'a wrong password',
    url: () => '/anmelden',
    body: () => ({ email: 'niemand@test.example', password: 'falsches-passwort-123' }),
    expect: e(401, 401, 401, 401, 401, 401),
  },
  { route: 'POST /abmelden', url: () => '/abmelden', body: () => ({}), spare: true, expect: e(303, 303, 303, 303, 303, 303) },

  // Registration and invitations
  { route: 'GET /registrieren', url: () => '/registrieren', expect: PUBLIC },
  { route: 'POST /registrieren', note: 'an empty form', url: () => '/registrieren', body: () => ({}), expect: e(422, 422, 422, 422, 422, 422) },
  { route: 'GET /registrieren/eingegangen', url: () => '/registrieren/eingegangen', expect: PUBLIC },
  { route: 'GET /einladung/:token', url: (w) => `/einladung/${w.invitationToken}`, expect: PUBLIC },
  { route: 'POST /einladung/:token', note: 'an empty form', url: (w) => `/einladung/${w.invitationToken}`, body: () => ({}), expect: e(422, 422, 422, 422, 422, 422) },
  {
    route: 'POST /organisation/einladungen',
    note: 'an address that is taken: the form says so on the next page',
    url: () => '/organisation/einladungen',
    body: () => ({ email: 'kein-gueltiger-wert' }),
    expect: e(303, 303, 303, 403, 403, 403),
  },

  // Administration pages
  { route: 'GET /admin/organisationen', url: () => '/admin/organisationen', expect: e(303, 403, 403, 200, 403, 200) },
  { route: 'POST /admin/organisationen', note: 'an empty form', url: () => '/admin/organisationen', body: () => ({}), expect: e(303, 403, 403, 403, 403, 422) },
  {
    route: 'POST /admin/organisationen/:id/freigeben',
    url: (w) => `/admin/organisationen/${w.pendingOrganisations.page}/freigeben`,
    body: () => ({}),
    expect: e(303, 403, 403, 303, 403, 409),
  },
  {
    route: 'POST /admin/organisationen/:id/deaktivieren',
    url: (w) => `/admin/organisationen/${w.spareOrganisations.page}/deaktivieren`,
    body: () => ({}),
    expect: e(303, 403, 403, 403, 403, 303),
  },
  { route: 'GET /admin/benutzer', url: () => '/admin/benutzer', expect: e(303, 403, 403, 403, 403, 200) },
  { route: 'POST /admin/benutzer', note: 'an empty form', url: () => '/admin/benutzer', body: () => ({}), expect: e(303, 403, 403, 403, 403, 422) },
  {
    route: 'POST /admin/benutzer/:id/deaktivieren',
    url: (w) => `/admin/benutzer/${w.spareUsers.page}/deaktivieren`,
    body: () => ({}),
    expect: e(303, 403, 403, 403, 403, 303),
  },
  { route: 'GET /admin/behoerde', url: () => '/admin/behoerde', expect: e(303, 403, 403, 403, 403, 200) },
  {
    route: 'POST /admin/behoerde',
    note: 'an empty form',
    url: () => '/admin/behoerde',
    body: () => ({}),
    expect: e(303, 403, 403, 403, 403, 422),
  },
  {
    route: 'POST /admin/behoerde/logo',
    url: () => '/admin/behoerde/logo',
    upload: { field: 'logo', bytes: logo, name: 'logo.png', fields: {} },
    expect: e(303, 403, 403, 403, 403, 303),
  },
  { route: 'GET /admin/behoerde/logo', note: 'after the upload above', url: () => '/admin/behoerde/logo', expect: e(303, 403, 403, 403, 403, 200) },
  { route: 'GET /admin/behoerde/vorschau', url: () => '/admin/behoerde/vorschau', expect: e(303, 403, 403, 403, 403, 200) },
  { route: 'POST /admin/behoerde/logo/entfernen', url: () => '/admin/behoerde/logo/entfernen', body: () => ({}), expect: e(303, 403, 403, 403, 403, 303) },

  // Programmes, rounds, committee and Ortsteile pages
  { route: 'GET /admin/foerderprogramme', url: () => '/admin/foerderprogramme', expect: e(303, 403, 403, 403, 403, 200) },
  { route: 'POST /admin/foerderprogramme', note: 'an empty form', url: () => '/admin/foerderprogramme', body: () => ({}), expect: e(303, 403, 403, 403, 403, 422) },
  {
    route: 'POST /admin/foerderprogramme/:id',
    note: 'no check box: the committee step stays off',
    url: () => '/admin/foerderprogramme/FRL_SOZIALES',
    body: () => ({}),
    expect: e(303, 403, 403, 403, 403, 303),
  },
  { route: 'POST /admin/foerderrunden', note: 'an empty form', url: () => '/admin/foerderrunden', body: () => ({}), expect: e(303, 403, 403, 403, 403, 422) },
  { route: 'GET /admin/foerderrunden/:id', url: (w) => `/admin/foerderrunden/${w.round}`, expect: e(303, 403, 403, 403, 403, 200) },
  { route: 'POST /admin/foerderrunden/:id', note: 'an empty form', url: (w) => `/admin/foerderrunden/${w.round}`, body: () => ({}), expect: e(303, 403, 403, 403, 403, 422) },
  { route: 'GET /foerderrunden', url: () => '/foerderrunden', expect: e(303, 403, 403, 200, 200, 200) },
  { route: 'GET /foerderrunden/:id', url: (w) => `/foerderrunden/${w.round}`, expect: e(303, 403, 403, 200, 200, 200) },
  { route: 'GET /foerderrunden/:id/empfehlungsliste.pdf', url: (w) => `/foerderrunden/${w.round}/empfehlungsliste.pdf`, expect: e(303, 403, 403, 200, 200, 403) },
  { route: 'GET /foerderrunden/:id/empfehlungsliste.xlsx', url: (w) => `/foerderrunden/${w.round}/empfehlungsliste.xlsx`, expect: e(303, 403, 403, 200, 200, 403) },
  { route: 'GET /foerderrunden/:id/empfehlungsliste.csv', url: (w) => `/foerderrunden/${w.round}/empfehlungsliste.csv`, expect: e(303, 403, 403, 200, 200, 403) },
  { route: 'POST /foerderrunden/:id/beschluesse', note: 'an empty form', url: (w) => `/foerderrunden/${w.round}/beschluesse`, body: () => ({}), expect: e(303, 403, 403, 422, 403, 403) },
  { route: 'GET /admin/ortsteile', url: () => '/admin/ortsteile', expect: e(303, 403, 403, 403, 403, 200) },
  { route: 'POST /admin/ortsteile', note: 'an empty form', url: () => '/admin/ortsteile', body: () => ({}), expect: e(303, 403, 403, 403, 403, 422) },
  {
    route: 'POST /admin/ortsteile/import',
    note: 'a file that is not the import format',
    url: () => '/admin/ortsteile/import',
    upload: { field: 'file', bytes: Buffer.from('kein;richtiger;Kopf\n'), name: 'ortsteile.csv', fields: {} },
    expect: e(303, 403, 403, 403, 403, 422),
  },

  // Reports, the district map and the open data of funded projects
  { route: 'GET /api/v1/reports/funding', url: () => '/api/v1/reports/funding?by=planningArea', expect: STAFF_REPORT_API },
  { route: 'GET /api/v1/reports/budget', url: () => '/api/v1/reports/budget', expect: STAFF_REPORT_API },
  { route: 'GET /api/v1/reports/decision-times', url: () => '/api/v1/reports/decision-times', expect: STAFF_REPORT_API },
  {
    route: 'PUT /api/v1/district-shapes',
    note: 'the schematic shapes: valid, so only the admin gets 200',
    url: () => '/api/v1/district-shapes',
    body: () => schematicDistrictMap(),
    expect: e(401, 403, 403, 403, 403, 200),
  },
  { route: 'GET /api/v1/public/funded-projects', url: () => '/api/v1/public/funded-projects', expect: PUBLIC },
  { route: 'GET /berichte', url: () => '/berichte', expect: STAFF_REPORT_PAGE },
  { route: 'GET /berichte/foerderung', url: () => '/berichte/foerderung?nach=handlungsfeld', expect: STAFF_REPORT_PAGE },
  { route: 'GET /transparenz', url: () => '/transparenz', expect: PUBLIC },
  { route: 'GET /admin/karte', url: () => '/admin/karte', expect: ADMIN_PAGE },
  { route: 'GET /admin/karte/vorlage', url: () => '/admin/karte/vorlage', expect: ADMIN_PAGE },
  {
    route: 'POST /admin/karte',
    url: () => '/admin/karte',
    upload: { field: 'file', bytes: Buffer.from(JSON.stringify(schematicDistrictMap())), name: 'ortsteile.geojson', fields: {} },
    expect: e(303, 403, 403, 403, 403, 303),
  },

  // Case pages
  ...casePageRows('/antraege', 409, applicationPages),
  ...casePageRows('/stellungnahmen', 403, statementPages),
  {
    route: 'POST /stellungnahmen/:id/vorschau',
    note: "the reviewer previews the editor's text",
    url: (w) => `/stellungnahmen/${w.stmtInReview}/vorschau`,
    body: () => ({
      position: statementDraft.position,
      text: statementDraft.text,
      sectionNeed: statementDraft.sections.need,
      sectionPlanning: statementDraft.sections.planning,
      sectionOffers: statementDraft.sections.offers,
      sectionCooperation: statementDraft.sections.cooperation,
    }),
    expect: e(303, 403, 403, 200, 403, 403),
  },
  { route: 'GET /stellungnahmen/:id/vorschau', url: (w) => `/stellungnahmen/${w.stmtAwaiting}/vorschau`, expect: e(303, 403, 403, 200, 200, 403) },
];
