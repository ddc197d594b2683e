import { can, type Actor, type AccountAction } from '../../../src/auth/policy';
import { roles, type Role } from '../../../src/accounts/roles';

const actor = (role: Role, organisationId: string | null = role === 'applicant' ? 'org-1' : null): Actor => ({ id: `u-${role}`, role, organisationId });

describe('account policy', () => {
  const expected: Record<AccountAction, Role[]> = {
    'accounts:manage': ['admin'],
    'organisation:approve': ['coordinator', 'admin'],
    'organisation:view': ['applicant', 'coordinator', 'head', 'admin'],
    'organisation:invite': ['applicant'],
    'inbox:view': ['coordinator', 'head'],
    'reports:view': ['coordinator', 'head', 'admin'],
    'map:manage': ['admin'],
  };

  for (const [action, allowed] of Object.entries(expected) as [AccountAction, Role[]][]) {
    for (const role of roles) {
      const allow = allowed.includes(role);
      it(`when a ${role} asks for ${action} on its own organisation, then ${allow ? 'yes' : 'no'}`, () => {
        expect(can(actor(role), action, 'org-1')).toBe(allow);
      });
    }
  }

  it('when an applicant asks about another organisation, then no', () => {
    expect(can(actor('applicant'), 'organisation:view', 'org-2')).toBe(false);
    expect(can(actor('applicant'), 'organisation:invite', 'org-2')).toBe(false);
  });

  it('when an applicant has no organisation, then it may neither view nor invite', () => {
    expect(can(actor('applicant', null), 'organisation:view', undefined)).toBe(false);
    expect(can(actor('applicant', null), 'organisation:invite', undefined)).toBe(false);
  });
});
