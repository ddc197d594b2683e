import type { Role } from '../accounts/roles';

/** Who acts: the signed-in user as the policy sees it. */
export interface Actor {
  id: string;
  role: Role;
  organisationId: string | null;
}

export type AccountAction =
  | 'accounts:manage'
  | 'organisation:approve'
  | 'organisation:view'
  | 'organisation:invite'
  | 'inbox:view'
  | 'reports:view'
  | 'map:manage';

/**
 * The policy for accounts: pure, so that pages, API and tests share one answer.
 * `organisationId` is the organisation the action concerns, where there is one.
 */
export function can(actor: Actor, action: AccountAction, organisationId?: string): boolean {
  switch (action) {
    case 'accounts:manage':
      return actor.role === 'admin';
    case 'organisation:approve':
      return actor.role === 'admin' || actor.role === 'coordinator';
    case 'organisation:view':
      return actor.role !== 'applicant' || (actor.organisationId !== null && actor.organisationId === organisationId);
    case 'organisation:invite':
      return actor.role === 'applicant' && actor.organisationId !== null && actor.organisationId === organisationId;
    case 'inbox:view':
      return actor.role === 'coordinator' || actor.role === 'head';
    case 'reports:view':
      return actor.role === 'coordinator' || actor.role === 'head' || actor.role === 'admin';
    case 'map:manage':
      return actor.role === 'admin';
  }
}
