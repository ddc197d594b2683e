import { caseAssignments, caseColumns } from '../../../src/cases/case-sql';

describe('the case row in raw SQL', () => {
  it('when columns are assigned, then each becomes a quoted name with its value as a parameter, undefined ones left out', () => {
    const at = new Date('2026-12-06T10:00:00Z');
    const sql = caseAssignments({ state: 'in_review', reviewerId: 'u1', dueDate: null, submittedAt: undefined, updatedAt: at });
    expect(sql.text).toBe('"state" = $1, "reviewerId" = $2, "dueDate" = $3, "updatedAt" = $4');
    expect(sql.values).toEqual(['in_review', 'u1', null, at]);
  });

  it('when a name is not a column of the case model, then nothing is built from it', () => {
    expect(() => caseAssignments({ state: 'x', 'state" = 1; --': 'y' })).toThrow(/not a case column/);
  });

  it('when a case is selected or returned, then every column of the model is named', () => {
    expect(caseColumns.text).toContain('"id", "kind", "reference"');
    expect(caseColumns.text).toContain('"updatedAt"');
    expect(caseColumns.values).toEqual([]);
  });
});
