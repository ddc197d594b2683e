export const roles = ['applicant', 'coordinator', 'head', 'admin'] as const;
export type Role = (typeof roles)[number];

export const staffRoles: readonly Role[] = ['coordinator', 'head', 'admin'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
