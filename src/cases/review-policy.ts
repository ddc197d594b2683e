import type { Actor } from '../auth/policy';

export interface EventRoles {
  /** Sent by the owning organisation's members. */
  applicant: readonly string[];
  /** Sent by any coordinator (claiming a case). */
  coordinator: readonly string[];
  /** Sent only by the coordinator who reviews the case. */
  reviewer: readonly string[];
  /** Sent by a head who did not review the case (four-eyes). */
  decider: readonly string[];
}

/**
 * Who may attempt an event at all, the same for every case kind: whether the workflow allows it
 * now is the machine's answer (409), this one is the 403.
 */
export function reviewPolicy(roles: EventRoles) {
  return (actor: Actor, type: string, row: { organisationId: string; reviewerId: string | null }): boolean => {
    if (roles.applicant.includes(type)) return actor.role === 'applicant' && actor.organisationId === row.organisationId;
    if (roles.coordinator.includes(type)) return actor.role === 'coordinator';
    if (roles.reviewer.includes(type)) return actor.role === 'coordinator' && actor.id === row.reviewerId;
    if (roles.decider.includes(type)) return actor.role === 'head' && actor.id !== row.reviewerId;
    return false;
  };
}
