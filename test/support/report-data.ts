import type { Db } from '../../src/db/client';
import { FRL_SOZIALES } from '../../src/cases/reference-data';
import { APPLICATION_MACHINE_VERSION } from '../../src/workflow/application-machine';

/**
 * Cases written straight into the database with the columns the reports read, so each figure of
 * the report tests can be added up by hand (test/integration/reports/funding-figures.test.ts
 * spells the sums out). Amounts in cents.
 */
export interface SeededCase {
  district: string | null;
  field: string | null;
  state: string;
  requested: number;
  recommended?: number | null;
  approved?: number | null;
  submittedAt?: string | null;
  decidedAt?: string | null;
  round?: 'r2027' | 'r2028' | null;
  title?: string;
}

let counter = 0;

export async function seedReportWorld(db: Db, cases: SeededCase[], options: { committedCents?: number } = {}) {
  const organisation = await db.organisation.create({
    data: { name: 'Stadtteilwerk Nord e.V.', street: 'Geheimweg 7', postalCode: '99086', city: 'Erfurt', email: 'vorstand@stadtteilwerk.example', phone: '0361 5550123', status: 'approved', approvedAt: new Date() },
  });
  const user = await db.user.create({
    data: { email: 'erika.musterfrau@stadtteilwerk.example', name: 'Erika Musterfrau', role: 'applicant', passwordHash: 'x', organisationId: organisation.id },
  });
  // The demo data of a browser test may have made the rounds and figures already: reuse them.
  const round = (year: number, deadline: string, budgetCents: number, committedCents: number) =>
    db.fundingRound.upsert({
      where: { programmeId_year: { programmeId: FRL_SOZIALES.id, year } },
      create: { programmeId: FRL_SOZIALES.id, year, deadline, budgetCents, committedCents, latePolicy: 'flag' },
      update: { budgetCents, committedCents: { increment: committedCents } },
    });
  const r2027 = await round(2027, '2026-12-31', 3_500_000, options.committedCents ?? 0);
  const r2028 = await round(2028, '2027-09-30', 3_800_000, 0);
  const figures = [
    { districtId: 'rieth', year: 2027, socialIndex: 78.2, inhabitants: 6400 },
    { districtId: 'rieth', year: 2026, socialIndex: 77.0, inhabitants: 6000 },
    { districtId: 'herrenberg', year: 2027, socialIndex: 76.5, inhabitants: 6100 },
    { districtId: 'altstadt', year: 2026, socialIndex: 38.5, inhabitants: 20400 },
  ];
  for (const f of figures) {
    await db.districtIndicator.upsert({ where: { districtId_year: { districtId: f.districtId, year: f.year } }, create: f, update: f });
  }
  const ids: string[] = [];
  for (const c of cases) {
    counter += 1;
    const row = await db.case.create({
      data: {
        kind: 'application',
        reference: `FRL-2027-T${String(counter).padStart(4, '0')}`,
        organisationId: organisation.id,
        state: c.state,
        machineVersion: APPLICATION_MACHINE_VERSION,
        context: '{}',
        title: c.title ?? `Projekt ${counter}`,
        districtId: c.district,
        fieldOfActionId: c.field,
        roundId: c.round === null ? null : c.round === 'r2028' ? r2028.id : r2027.id,
        data: JSON.stringify({ contactName: 'Erika Musterfrau', contactEmail: 'erika.musterfrau@stadtteilwerk.example', contactPhone: '0151 2345678', iban: 'DE02120300000000202051' }),
        requestedCents: c.requested,
        recommendedCents: c.recommended ?? null,
        approvedCents: c.approved ?? null,
        submittedAt: c.submittedAt === null ? null : new Date(c.submittedAt ?? '2027-01-10T09:00:00Z'),
        decidedAt: c.decidedAt ? new Date(c.decidedAt) : null,
        createdById: user.id,
      },
    });
    ids.push(row.id);
  }
  return { organisation, user, r2027, r2028, ids };
}

/** The hand-computable world of the report tests; the sums are written out where they are checked. */
export const handComputedCases: SeededCase[] = [
  // 1: Rieth (Nord, index 78.2), approved after exactly 30 days, in February.
  { district: 'rieth', field: 'kinder-jugend-und-familie', state: 'approved', requested: 650_000, recommended: 600_000, approved: 600_000, submittedAt: '2027-01-10T09:00:00Z', decidedAt: '2027-02-09T09:00:00Z' },
  // 2: Rieth, recommended for rejection and rejected after 10 days.
  { district: 'rieth', field: 'nachbarschaft-und-begegnung', state: 'rejected', requested: 400_000, recommended: 0, approved: 0, submittedAt: '2027-01-10T09:00:00Z', decidedAt: '2027-01-20T09:00:00Z' },
  // 3: Herrenberg (Südost, 76.5), approved in part at 00:30 on 1 April in Berlin (22:30 UTC on 31 March): April.
  { district: 'herrenberg', field: 'nachbarschaft-und-begegnung', state: 'approved', requested: 420_000, recommended: 420_000, approved: 400_000, submittedAt: '2027-01-15T09:00:00Z', decidedAt: '2027-03-31T22:30:00Z' },
  // 4: Altstadt (Innenstadt, 38.5 from 2026), recommended and awaiting the decision.
  { district: 'altstadt', field: 'seniorinnen-und-senioren', state: 'awaiting_decision', requested: 300_000, recommended: 250_000 },
  // 5: Altstadt, submitted, not yet reviewed.
  { district: 'altstadt', field: 'seniorinnen-und-senioren', state: 'submitted', requested: 200_000 },
  // 6: a draft: not submitted, never counted.
  { district: 'altstadt', field: 'seniorinnen-und-senioren', state: 'draft', requested: 990_000, submittedAt: null },
  // 7: another round (2028): not in the 2027 figures.
  { district: 'rieth', field: 'kinder-jugend-und-familie', state: 'approved', requested: 100_000, recommended: 100_000, approved: 100_000, round: 'r2028', decidedAt: '2027-10-01T09:00:00Z' },
  // 8: Herrenberg, withdrawn, without a field of action.
  { district: 'herrenberg', field: null, state: 'withdrawn', requested: 100_000 },
];
