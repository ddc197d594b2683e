import type { Db } from '../../src/db/client';
import { FRL_SOZIALES } from '../../src/cases/reference-data';
import { recountCases } from '../../src/cases/case-counts';

/**
 * The report benchmark's data: `count` FRL applications written in SQL on the database itself,
 * spread over three funding rounds (2026–2028), every Ortsteil and field of action, and the
 * states a real year has (a third approved, a fifth rejected, the rest under way or withdrawn),
 * with submission and decision times over the year. District figures for every Ortsteil and
 * year, and each round's committed amount set to its approvals, as the engine would have.
 */
export async function seedReportCases(db: Db, kind: 'sqlite' | 'postgres', count: number, organisationId: string, userId: string): Promise<void> {
  const rounds = [];
  for (const [year, deadline] of [[2026, '2025-09-30'], [2027, '2026-09-30'], [2028, '2027-09-30']] as const) {
    rounds.push(await db.fundingRound.create({ data: { programmeId: FRL_SOZIALES.id, year, deadline, budgetCents: 1_000_000_000 } }));
  }
  const districts = await db.district.findMany({ orderBy: { id: 'asc' } });
  await db.districtIndicator.createMany({
    data: districts.flatMap((d, i) => [2026, 2027, 2028].map((year) => ({ districtId: d.id, year, socialIndex: 15 + ((i * 37) % 65), inhabitants: 1000 + ((i * 7919) % 19000) }))),
  });
  const roundList = rounds.map((r) => `'${r.id}'`);
  // Attributes from the row number: state by i % 20, round by i % 3, district and field by
  // their own moduli; amounts and durations vary with i so sums and medians are not trivial.
  const state = `CASE WHEN i % 20 < 7 THEN 'approved' WHEN i % 20 < 11 THEN 'rejected' WHEN i % 20 < 13 THEN 'awaiting_decision'
                 WHEN i % 20 < 16 THEN 'in_review' WHEN i % 20 < 19 THEN 'submitted' ELSE 'withdrawn' END`;
  const round = `CASE i % 3 WHEN 0 THEN ${roundList[0]} WHEN 1 THEN ${roundList[1]} ELSE ${roundList[2]} END`;
  // 100 to 1,000 euros: a round of a third of 100,000 cases then commits about 6 million euros, within
  // the 32-bit integer cents of FundingRound.committedCents (at most 21.4 million euros).
  const requested = `(10000 + (i * 7919) % 90000)`;
  const decided = `(i % 20 < 11)`;
  const batch = 50_000;
  for (let start = 0; start < count; start += batch) {
    const from = start;
    const to = Math.min(count, start + batch) - 1;
    const sql =
      kind === 'sqlite'
        ? `WITH RECURSIVE seq(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM seq WHERE i < ${to}),
           d AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "id") - 1 AS n FROM "District"),
           f AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "id") - 1 AS n FROM "FieldOfAction")
           INSERT INTO "Case" ("id", "kind", "reference", "organisationId", "state", "machineVersion", "context", "version", "title", "districtId",
             "fieldOfActionId", "roundId", "data", "requestedCents", "recommendedCents", "approvedCents", "submittedAt", "decidedAt", "createdById", "createdAt", "updatedAt")
           SELECT 'rep' || printf('%09d', i), 'application', 'FRL-R-' || printf('%07d', i), '${organisationId}', ${state}, 1, '{}', 1, 'Projekt ' || i, d."id",
             f."id", ${round}, '{}', ${requested},
             CASE WHEN i % 20 < 13 THEN ${requested} * (80 + i % 21) / 100 ELSE NULL END,
             CASE WHEN i % 20 < 7 THEN ${requested} * (80 + i % 21) / 100 WHEN i % 20 < 11 THEN 0 ELSE NULL END,
             strftime('%Y-%m-%dT%H:%M:%f+00:00', 1767225600 + (i * 977) % 15552000, 'unixepoch'),
             CASE WHEN ${decided} THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', 1767225600 + (i * 977) % 15552000 + 86400 * (3 + i % 120), 'unixepoch') ELSE NULL END,
             '${userId}', strftime('%Y-%m-%dT%H:%M:%f+00:00', 1767225600, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 1767225600 + i, 'unixepoch')
           FROM seq JOIN d ON d.n = i % ${districts.length} JOIN f ON f.n = i % 7`
        : `WITH d AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "id") - 1 AS n FROM "District"),
           f AS (SELECT "id", ROW_NUMBER() OVER (ORDER BY "id") - 1 AS n FROM "FieldOfAction")
           INSERT INTO "Case" ("id", "kind", "reference", "organisationId", "state", "machineVersion", "context", "version", "title", "districtId",
             "fieldOfActionId", "roundId", "data", "requestedCents", "recommendedCents", "approvedCents", "submittedAt", "decidedAt", "createdById", "createdAt", "updatedAt")
           SELECT 'rep' || lpad(i::text, 9, '0'), 'application', 'FRL-R-' || lpad(i::text, 7, '0'), '${organisationId}', ${state}, 1, '{}', 1, 'Projekt ' || i, d."id",
             f."id", ${round}, '{}', ${requested},
             CASE WHEN i % 20 < 13 THEN ${requested} * (80 + i % 21) / 100 ELSE NULL END,
             CASE WHEN i % 20 < 7 THEN ${requested} * (80 + i % 21) / 100 WHEN i % 20 < 11 THEN 0 ELSE NULL END,
             to_timestamp(1767225600 + (i * 977) % 15552000),
             CASE WHEN ${decided} THEN to_timestamp(1767225600 + (i * 977) % 15552000 + 86400 * (3 + i % 120)) ELSE NULL END,
             '${userId}', to_timestamp(1767225600), to_timestamp(1767225600 + i)
           FROM generate_series(${from}, ${to}) AS i JOIN d ON d.n = i % ${districts.length} JOIN f ON f.n = i % 7`;
    await db.$executeRawUnsafe(sql);
  }
  for (const r of rounds) {
    const sum = await db.case.aggregate({ where: { roundId: r.id, state: 'approved' }, _sum: { approvedCents: true } });
    await db.fundingRound.update({ where: { id: r.id }, data: { committedCents: sum._sum.approvedCents ?? 0 } });
  }
  await db.$transaction((tx) => recountCases(tx));
  // As autovacuum would have by then: statistics, and the visibility map that index-only scans need.
  if (kind === 'postgres') await db.$executeRawUnsafe('VACUUM ANALYZE "Case"');
  else await db.$executeRawUnsafe('ANALYZE');
}
