import request from 'supertest';
import type { TestApp } from './app';
import type { Credentials, TestActor } from './actors';
import type { RouteRow } from './routes';
import type { World } from './actors';

/**
 * Sends one row's request as one caller: /api routes with the caller's bearer token (none for
 * the anonymous visitor), pages through the caller's signed-in agent with its CSRF token, as a
 * browser form would.
 */
export function callRoute(t: TestApp, row: RouteRow, actor: TestActor, world: World) {
  const [method, ] = row.route.split(' ') as [string, string];
  const url = row.url(world);
  const creds: Credentials = row.spare ? actor.spare : actor;
  const api = url.startsWith('/api/');
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = api ? request(t.app)[verb](url) : creds.agent[verb](url);
  if (api && creds.token) req = req.set('Authorization', `Bearer ${creds.token}`);
  if (!api) req = req.set('X-CSRF-Token', creds.csrf);
  if (row.upload) {
    for (const [name, value] of Object.entries(row.upload.fields)) req = req.field(name, value);
    return req.attach(row.upload.field, row.upload.bytes, row.upload.name);
  }
  if (row.body) return api ? req.send(row.body(world)) : req.type('form').send(row.body(world) as Record<string, string>);
  return req;
}
