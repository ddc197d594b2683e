import { mapModel } from '../../../src/reports/map-model';
import type { FundingRow } from '../../../src/reports/funding-report';

const row = (key: string, approvedCentsPerInhabitant: number | null): FundingRow => ({
  key,
  label: key,
  cases: 1,
  approvedCases: 0,
  rejectedCases: 0,
  openCases: 0,
  requestedCents: 0,
  recommendedCents: 0,
  approvedCents: 0,
  inhabitants: approvedCentsPerInhabitant === null ? null : 1000,
  approvedCentsPerInhabitant,
});

describe('the district map by amount per inhabitant', () => {
  it('when a single amount is funded, then its legend names that amount, not a range from it to itself', () => {
    const { legend, areas } = mapModel([row('rieth', 48), row('marbach', 0), row('ohne', null)], 'amount');
    expect(legend.map((l) => l.label)).toEqual(['keine Bewilligung', '0,48\u00a0€ je Einwohner']);
    expect(areas.map((a) => a.classIndex)).toEqual([1, 0, null]);
  });

  it('when amounts differ, then the legend gives the ranges of the quartiles without gaps', () => {
    const { legend } = mapModel(['a', 'b', 'c', 'd', 'f', 'g'].map((k, i) => row(k, [100, 150, 300, 420, 500, 800][i]!)).concat(row('e', 0)), 'amount');
    expect(legend.map((l) => l.label)).toEqual([
      'keine Bewilligung',
      '1,00\u00a0€ bis 1,50\u00a0€ je Einwohner',
      '1,51\u00a0€ bis 3,00\u00a0€ je Einwohner',
      '3,01\u00a0€ bis 5,00\u00a0€ je Einwohner',
      '5,01\u00a0€ bis 8,00\u00a0€ je Einwohner',
    ]);
  });
});
