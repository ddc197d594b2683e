import { z } from 'zod';
import { roles } from './roles';

export interface OrganisationRow {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  email: string | null;
  phone: string | null;
  status: string;
  createdAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  createdAt: Date;
  organisation?: { id: string; name: string } | null;
}

const organisationRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const organisationResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(['pending', 'approved', 'deactivated']),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const userResponse = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    active: z.boolean(),
    organisation: organisationRef,
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const meResponse = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(roles), organisation: organisationRef })
  .meta({ id: 'Me' });

export function presentOrganisation(o: OrganisationRow): z.infer<typeof organisationResponse> {
  return {
    id: o.id,
    name: o.name,
    street: o.street,
    postalCode: o.postalCode,
    city: o.city,
    email: o.email,
    phone: o.phone,
    status: o.status as 'pending' | 'approved' | 'deactivated',
    createdAt: o.createdAt.toISOString(),
  };
}

export function presentUser(u: UserRow): z.infer<typeof userResponse> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as z.infer<typeof userResponse>['role'],
    active: u.active,
    organisation: u.organisation ? { id: u.organisation.id, name: u.organisation.name } : null,
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentMe(u: { id: string; email: string; name: string; role: string; organisation: { id: string; name: string } | null }) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisation: u.organisation ? { id: u.organisation.id, name: u.organisation.name } : null,
  };
}
