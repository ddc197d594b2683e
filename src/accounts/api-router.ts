import { Router } from 'express';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { parseJsonBody } from '../http/validate';
import { param } from '../http/params';
import { jsonBody, responses } from '../http/openapi';
import { requireRole } from '../auth/guards';
import { actorOf } from '../auth/current-user';
import type { Services } from '../services';
import { organisationInput, userInput } from './schemas';
import { organisationResponse, presentOrganisation, presentUser, userResponse } from './presenters';
import { createOrganisation } from './create-organisation';
import { createUser } from './create-user';
import { approveOrganisation } from './approve-organisation';
import { deactivateOrganisation } from './deactivate-organisation';
import { deactivateUser } from './deactivate-user';

const idParam = z.object({ id: z.string() });
const list = (item: z.ZodType) => z.object({ items: z.array(item) });

export const accountPaths: ZodOpenApiPathsObject = {
  '/api/v1/organisations': {
    post: {
      summary: 'Create an organisation (admin)',
      requestBody: jsonBody(organisationInput),
      responses: responses({ 201: { description: 'Created', schema: organisationResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'invalid']),
    },
    get: {
      summary: 'List organisations (staff)',
      responses: responses({ 200: { description: 'Organisations', schema: list(organisationResponse) } }, ['unauthenticated', 'forbidden']),
    },
  },
  '/api/v1/organisations/{id}/approve': {
    post: {
      summary: 'Approve a registered organisation (coordinator, admin)',
      requestParams: { path: idParam },
      responses: responses({ 200: { description: 'Approved', schema: organisationResponse } }, ['unauthenticated', 'forbidden', 'not_found', 'conflict']),
    },
  },
  '/api/v1/organisations/{id}/deactivate': {
    post: {
      summary: 'Deactivate an organisation and its accounts (admin)',
      requestParams: { path: idParam },
      responses: responses({ 200: { description: 'Deactivated', schema: organisationResponse } }, ['unauthenticated', 'forbidden', 'not_found']),
    },
  },
  '/api/v1/users': {
    post: {
      summary: 'Create a user (admin)',
      requestBody: jsonBody(userInput),
      responses: responses({ 201: { description: 'Created', schema: userResponse } }, ['malformed', 'unauthenticated', 'forbidden', 'invalid']),
    },
    get: {
      summary: 'List users (admin)',
      responses: responses({ 200: { description: 'Users', schema: list(userResponse) } }, ['unauthenticated', 'forbidden']),
    },
  },
  '/api/v1/users/{id}/deactivate': {
    post: {
      summary: 'Deactivate a user, ending its sessions and tokens (admin)',
      requestParams: { path: idParam },
      responses: responses({ 200: { description: 'Deactivated', schema: userResponse } }, ['unauthenticated', 'forbidden', 'not_found', 'conflict']),
    },
  },
};

export function accountsApiRouter(services: Services): Router {
  const { db, clock } = services;
  const router = Router();

  router.post('/organisations', ...requireRole('admin'), async (req, res) => {
    const input = parseJsonBody(organisationInput, req.body);
    const organisation = await createOrganisation({ db, clock, actor: actorOf(req.user!), input });
    res.status(201).json(presentOrganisation(organisation));
  });

  router.get('/organisations', ...requireRole('coordinator', 'head', 'admin'), async (_req, res) => {
    const organisations = await db.organisation.findMany({ orderBy: { name: 'asc' } });
    res.json({ items: organisations.map(presentOrganisation) });
  });

  router.post('/organisations/:id/approve', ...requireRole('coordinator', 'admin'), async (req, res) => {
    const organisation = await approveOrganisation({ db, clock, actor: actorOf(req.user!), organisationId: param(req, 'id') });
    res.json(presentOrganisation(organisation));
  });

  router.post('/organisations/:id/deactivate', ...requireRole('admin'), async (req, res) => {
    const organisation = await deactivateOrganisation({ db, clock, actor: actorOf(req.user!), organisationId: param(req, 'id') });
    res.json(presentOrganisation(organisation));
  });

  router.post('/users', ...requireRole('admin'), async (req, res) => {
    const input = parseJsonBody(userInput, req.body);
    const user = await createUser({ db, clock, actor: actorOf(req.user!), input });
    res.status(201).json(presentUser(user));
  });

  router.get('/users', ...requireRole('admin'), async (_req, res) => {
    const users = await db.user.findMany({ include: { organisation: true }, orderBy: { name: 'asc' } });
    res.json({ items: users.map(presentUser) });
  });

  router.post('/users/:id/deactivate', ...requireRole('admin'), async (req, res) => {
    await deactivateUser({ db, clock, actor: actorOf(req.user!), userId: param(req, 'id') });
    const user = await db.user.findUniqueOrThrow({ where: { id: param(req, 'id') }, include: { organisation: true } });
    res.json(presentUser(user));
  });

  return router;
}
