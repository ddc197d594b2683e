import { byPriority } from '../../../src/planning/recommendation-list';
import { socialIndexClass } from '../../../src/planning/social-index';

const row = (reference: string, socialIndex: number | null, submittedAt: string | null) => ({
  caseId: reference,
  reference,
  title: reference,
  organisation: 'Verein',
  district: 'x',
  planningArea: 'y',
  socialIndex,
  requestedCents: 100,
  recommendedCents: 100,
  submittedAt: submittedAt ? new Date(submittedAt) : null,
  late: false,
});

describe('priority of the recommendation list', () => {
  it('when indices differ, then the higher social index comes first; equal ones by submission, then reference; unknown index last', () => {
    const rows = [
      row('FRL-2027-0004', null, '2026-09-01T08:00:00Z'),
      row('FRL-2027-0003', 61.2, '2026-09-20T08:00:00Z'),
      row('FRL-2027-0002', 61.2, '2026-09-10T08:00:00Z'),
      row('FRL-2027-0005', 61.2, '2026-09-10T08:00:00Z'),
      row('FRL-2027-0001', 78.25, '2026-09-30T08:00:00Z'),
    ];
    expect([...rows].sort(byPriority).map((r) => r.reference)).toEqual(['FRL-2027-0001', 'FRL-2027-0002', 'FRL-2027-0005', 'FRL-2027-0003', 'FRL-2027-0004']);
  });
});

describe('social-index classes', () => {
  it('when a value sits on a bound, then it belongs to the higher class', () => {
    expect([70, 60, 59.99, 40, 39.99, 0, null].map(socialIndexClass)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low', 'unknown']);
  });
});
