import type { Db } from '../db/client';

/** A user with the organisation fields that decide whether it may act. */
export interface UserWithOrganisation {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  organisation: { id: string; name: string; status: string } | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  organisationId: string | null;
  organisationName: string | null;
  organisationStatus: string | null;
}

/**
 * Every authenticated request looks its user up. Prisma loads an `include` with one query per
 * table on SQLite; these lookups join, so a request costs one query for who it is instead of
 * two (session) or three (token). Quoted names and parameters mean the same on SQLite and
 * PostgreSQL, and both drivers return booleans and dates as such.
 */
export async function userById(db: Db, id: string): Promise<UserWithOrganisation | null> {
  const rows = await db.$queryRaw<UserRow[]>`
    SELECT u."id", u."email", u."name", u."role", u."active",
           o."id" AS "organisationId", o."name" AS "organisationName", o."status" AS "organisationStatus"
    FROM "User" u LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
    WHERE u."id" = ${id}`;
  return rows[0] ? toUser(rows[0]) : null;
}

/** The token with its user, by the token's hash. */
export async function tokenByHash(db: Db, tokenHash: string) {
  const rows = await db.$queryRaw<(UserRow & { tokenId: string; expiresAt: Date; revokedAt: Date | null })[]>`
    SELECT t."id" AS "tokenId", t."expiresAt", t."revokedAt",
           u."id", u."email", u."name", u."role", u."active",
           o."id" AS "organisationId", o."name" AS "organisationName", o."status" AS "organisationStatus"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" LEFT JOIN "Organisation" o ON o."id" = u."organisationId"
    WHERE t."tokenHash" = ${tokenHash}`;
  const row = rows[0];
  return row ? { id: row.tokenId, expiresAt: new Date(row.expiresAt), revokedAt: row.revokedAt && new Date(row.revokedAt), user: toUser(row) } : null;
}

function toUser(row: UserRow): UserWithOrganisation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: Boolean(row.active),
    organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName!, status: row.organisationStatus! } : null,
  };
}
