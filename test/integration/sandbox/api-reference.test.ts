// The sandbox's REST API against Gorgias's reference (docs/gorgias.md, "API reference check"):
// every catalogue endpoint routed, query parameters checked (400 in Gorgias's shape), order_by and
// limit honoured, object_type required on custom fields, messages, ticket tags, reporting stats,
// the reference's object fields, and answers that follow the approving user's role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../../electron/common/gorgias/endpoints';
import { handlerFor } from '../../../electron/backend/sandbox/api-resources';
import { api, connect, startWorld, type World } from './helpers';

let world: World;
let admin: string;
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  // Over a hundred calls in a few seconds: a bucket this test does not hit (rate limits have their own test).
  world = await startWorld({ rateLimit: { requests: 10_000, windowMs: 20_000 } });
  admin = (await connect(world, 'acme', { scope: 'openid write:all' }, 1)).access_token;
});
afterAll(async () => {
  await world.close();
});

describe('sandbox API per the reference', () => {
  it('routes every endpoint the catalogue lists (no 404 "Not found." and no 405 for a listed method)', async () => {
    for (const entry of ENDPOINTS) expect(handlerFor(entry), `${entry.method} ${entry.path}`).not.toBeNull();
    for (const entry of ENDPOINTS) {
      const path = entry.path.replace(/\{[a-z_]+\}/g, '999999999');
      const init: RequestInit = entry.method === 'GET' ? {} : json(entry.method, {});
      const res = await api(world, 'acme', path, admin, { ...init, method: entry.method });
      expect(res.status, `${entry.method} ${path}`).not.toBe(405);
      expect(res.body, `${entry.method} ${path}`).not.toEqual({ error: { msg: 'Not found.' } });
    }
  });

  it('answers 405 with Allow for a known path with another method (there is no PUT /api/account)', async () => {
    const res = await api(world, 'acme', '/api/account', admin, json('PUT', { name: 'x' }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expect(res.body).toEqual({ error: { msg: expect.any(String) } });
  });

  it('refuses unknown or invalid query parameters with 400 in Gorgias shape', async () => {
    const unknown = await api(world, 'acme', '/api/tickets?colour=blue', admin);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ error: { msg: 'Invalid query parameters.', data: { colour: ['Unknown field.'] } } });
    expect((await api(world, 'acme', '/api/account?verbose=1', admin)).status).toBe(400);
    const order = await api(world, 'acme', '/api/tickets?order_by=subject:asc', admin);
    expect(order.status).toBe(400);
    expect(order.body).toMatchObject({ error: { data: { order_by: [expect.stringContaining('created_datetime:asc')] } } });
    for (const limit of ['0', '101', 'ten']) expect((await api(world, 'acme', `/api/tickets?limit=${limit}`, admin)).status, limit).toBe(400);
    expect((await api(world, 'acme', '/api/tickets?trashed=maybe', admin)).status).toBe(400);
  });

  it('honours order_by on tickets and users', async () => {
    const dates = async (order: string) =>
      ((await api(world, 'acme', `/api/tickets?limit=100&order_by=${order}`, admin)).body.data as Array<{ created_datetime: string }>).map((t) => t.created_datetime);
    const asc = await dates('created_datetime:asc');
    expect(asc).toEqual([...asc].sort());
    expect(await dates('created_datetime:desc')).toEqual([...asc].reverse());
    const names = ((await api(world, 'acme', '/api/users?order_by=name:desc', admin)).body.data as Array<{ name: string }>).map((u) => u.name);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('requires object_type on GET /api/custom-fields', async () => {
    const missing = await api(world, 'acme', '/api/custom-fields', admin);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { data: { object_type: ['Missing data for required field.'] } } });
    const fields = await api(world, 'acme', '/api/custom-fields?object_type=Customer', admin);
    expect((fields.body.data as Array<{ object_type: string }>).every((f) => f.object_type === 'Customer')).toBe(true);
    expect((await api(world, 'acme', '/api/custom-fields?object_type=Order', admin)).status).toBe(400);
  });

  it("shapes tickets, views and the account as the reference shows them", async () => {
    const ticket = ((await api(world, 'acme', '/api/tickets?limit=1', admin)).body.data as Array<Record<string, unknown>>)[0] ?? {};
    for (const field of ['assignee_team', 'spam', 'is_unread', 'from_agent', 'last_message_datetime', 'trashed_datetime', 'snooze_datetime', 'meta']) {
      expect(ticket, field).toHaveProperty(field);
    }
    const view = ((await api(world, 'acme', '/api/views', admin)).body.data as Array<Record<string, unknown>>)[0];
    expect(view).toMatchObject({ filters: "eq(ticket.status, 'open')", order_by: 'updated_datetime', order_dir: 'desc', type: 'ticket-list', visibility: 'public' });
    const items = (await api(world, 'acme', '/api/views/1/items?limit=100', admin)).body.data as Array<{ status: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((t) => t.status === 'open')).toBe(true);
    const inline = await api(world, 'acme', '/api/views/0/items', admin, json('PUT', { view: { filters: "eq(ticket.status, 'closed')" } }));
    expect((inline.body.data as Array<{ status: string }>).every((t) => t.status === 'closed')).toBe(true);
  });

  it('creates and lists messages; the deprecated ticket messages list still answers', async () => {
    const ticket = ((await api(world, 'acme', '/api/tickets?limit=1', admin)).body.data as Array<{ id: number }>)[0]!;
    const created = await api(world, 'acme', `/api/tickets/${ticket.id}/messages`, admin, json('POST', { body_text: 'Hello from the test', channel: 'email' }));
    expect(created.status).toBe(201);
    const listed = await api(world, 'acme', `/api/messages?ticket_id=${ticket.id}&limit=100`, admin);
    expect((listed.body.data as Array<{ body_text: string }>).some((m) => m.body_text === 'Hello from the test')).toBe(true);
    expect((await api(world, 'acme', `/api/tickets/${ticket.id}/messages`, admin)).status).toBe(200);
    const id = (created.body as { id: number }).id;
    expect((await api(world, 'acme', `/api/tickets/${ticket.id}/messages/${id}`, admin)).body).toMatchObject({ id, ticket_id: ticket.id });
    expect((await api(world, 'acme', `/api/tickets/${ticket.id}/messages`, admin, json('POST', { channel: 'email' }))).status).toBe(400);
  });

  it('serves ticket tags as a plain {data:[…]} and adds, replaces and removes them', async () => {
    const ticket = ((await api(world, 'acme', '/api/tickets?limit=1', admin)).body.data as Array<{ id: number }>)[0]!;
    const path = `/api/tickets/${ticket.id}/tags`;
    const added = await api(world, 'acme', path, admin, json('POST', { names: ['from-ticket-test'] }));
    expect(added.status).toBe(200);
    const listed = await api(world, 'acme', path, admin);
    expect(Object.keys(listed.body)).toEqual(['data']);
    expect((listed.body.data as Array<{ name: string }>).map((t) => t.name)).toContain('from-ticket-test');
    const replaced = await api(world, 'acme', path, admin, json('PUT', { names: ['fake-vip'] }));
    expect((replaced.body.data as Array<{ name: string }>).map((t) => t.name)).toEqual(['fake-vip']);
    const removed = await api(world, 'acme', path, admin, json('DELETE', { names: ['fake-vip'] }));
    expect(removed.status).toBe(204);
    expect((await api(world, 'acme', path, admin)).body.data).toEqual([]);
  });

  it('answers reporting stats with small fake numbers, and the old /api/stats/{name} with 400', async () => {
    const stats = await api(world, 'acme', '/api/reporting/stats', admin, json('POST', { query: { scope: 'ticket-count', timezone: 'UTC' } }));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ data: expect.any(Array), meta: { scope: 'ticket-count' } });
    expect((await api(world, 'acme', '/api/reporting/stats', admin, json('POST', {}))).status).toBe(400);
    const old = await api(world, 'acme', '/api/stats/overview', admin, json('POST', {}));
    expect(old.status).toBe(400);
    expect(old.body).toEqual({ error: { msg: expect.stringContaining('does not exist') } });
  });

  it("follows the approving user's role: an observer reads but cannot write, an agent cannot manage teams", async () => {
    const observer = (await connect(world, 'acme', { scope: 'write:all' }, 4)).access_token;
    expect((await api(world, 'acme', '/api/tickets?limit=1', observer)).status).toBe(200);
    const write = await api(world, 'acme', '/api/tags', observer, json('POST', { name: 'observer-tag' }));
    expect(write.status).toBe(403);
    expect(write.body).toEqual({ error: { msg: expect.stringContaining('observer-agent') } });
    const agent = (await connect(world, 'acme', { scope: 'write:all' }, 2)).access_token;
    expect((await api(world, 'acme', '/api/teams', agent, json('POST', { name: 'Agents only' }))).status).toBe(403);
    expect((await api(world, 'acme', '/api/tags', agent, json('POST', { name: 'agent-tag' }))).status).toBe(201);
    expect((await api(world, 'acme', '/api/teams', admin, json('POST', { name: 'Admins can' }))).status).toBe(201);
  });
});
