import type { Role } from '../accounts/roles';
import type { Actor } from './policy';

/** The signed-in user as every request sees it (req.user). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: { id: string; name: string; status: string } | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends CurrentUser {}
    interface Request {
      /** Set when the request was authenticated with a bearer token (no session, no CSRF). */
      apiTokenId?: string;
    }
  }
}

export function toCurrentUser(user: {
  id: string;
  email: string;
  name: string;
  role: string;
  organisation: { id: string; name: string; status: string } | null;
}): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    organisation: user.organisation
      ? { id: user.organisation.id, name: user.organisation.name, status: user.organisation.status }
      : null,
  };
}

export function actorOf(user: CurrentUser): Actor {
  return { id: user.id, role: user.role, organisationId: user.organisation?.id ?? null };
}
