// The sandbox's REST API: tokens, scopes, pagination, rate limits and Gorgias's error bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, startWorld, type World } from './helpers';

let world: World;
let token: string;
beforeAll(async () => {
  world = await startWorld();
  token = (await connect(world, 'acme', { scope: 'openid offline account:read users:read tickets:read customers:read tags:read' })).access_token;
});
afterAll(async () => {
  await world.close();
});

describe('sandbox API', () => {
  it('answers the identity checks with fake data and the rate-limit headers', async () => {
    const account = await api(world, 'acme', '/api/account', token);
    expect(account.status).toBe(200);
    // The reference's account object: no name, sandbox flag or note; a deactivated_datetime.
    expect(account.body).toEqual({ domain: 'acme', status: { status: 'active' }, created_datetime: expect.any(String), deactivated_datetime: null });
    expect(account.headers.get('x-gorgias-account-api-call-limit')).toMatch(/^\d+\/80$/);
    expect(account.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await api(world, 'acme', '/api/account/', token)).status).toBe(200);
    const me = await api(world, 'acme', '/api/users/0', token);
    expect(me.body).toMatchObject({ id: 1, role: { name: 'admin' } });
    const users = await api(world, 'acme', '/api/users', token);
    expect((users.body.data as Array<{ role: { name: string } }>).map((u) => u.role.name).sort()).toEqual(['admin', 'agent', 'basic-agent', 'lite-agent', 'observer-agent']);
  });

  it('pages through every ticket with cursors, without repeats', async () => {
    const seen = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await api(world, 'acme', `/api/tickets?limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      expect(page.status).toBe(200);
      expect(page.body.object).toBe('list');
      expect(String(page.body.uri)).toContain('/api/tickets');
      const meta = page.body.meta as { prev_cursor: string | null; next_cursor: string | null };
      expect(meta.prev_cursor === null).toBe(pages === 0);
      for (const ticket of page.body.data as Array<{ id: number; subject: string }>) {
        expect(seen.has(ticket.id)).toBe(false);
        expect(ticket.subject).toContain('[fake]');
        seen.add(ticket.id);
      }
      cursor = meta.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.size).toBe(75);
  });

  it('uses 30 as the default limit and refuses limit 101 and a bad cursor with a Gorgias error body', async () => {
    const page = await api(world, 'acme', '/api/customers', token);
    expect((page.body.data as unknown[]).length).toBe(30);
    const tooMany = await api(world, 'acme', '/api/tickets?limit=101', token);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { msg: expect.any(String), data: { limit: expect.any(Array) } } });
    const badCursor = await api(world, 'acme', '/api/tickets?cursor=garbage', token);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body).toMatchObject({ error: { msg: 'Invalid cursor.' } });
  });

  it('serves a ticket, its messages, views and view items', async () => {
    const list = await api(world, 'acme', '/api/tickets?limit=1', token);
    const ticket = (list.body.data as Array<{ id: number; messages_count: number }>)[0]!;
    expect((await api(world, 'acme', `/api/tickets/${ticket.id}`, token)).body.id).toBe(ticket.id);
    const messages = await api(world, 'acme', `/api/messages?ticket_id=${ticket.id}`, token);
    expect((messages.body.data as Array<{ ticket_id: number }>).every((m) => m.ticket_id === ticket.id)).toBe(true);
    expect((messages.body.data as unknown[]).length).toBe(ticket.messages_count);
    const views = await api(world, 'acme', '/api/views', token);
    expect((views.body.data as unknown[]).length).toBeGreaterThan(0);
    const items = await api(world, 'acme', '/api/views/1/items?limit=100', token);
    expect((items.body.data as Array<{ status: string }>).every((t) => t.status === 'open')).toBe(true);
    expect((await api(world, 'acme', '/api/tickets/1', token)).status).toBe(404);
  });

  it('keeps the same fake data for the same subdomain and different data for another', async () => {
    const again = await startWorld();
    try {
      const otherToken = (await connect(again, 'acme', { scope: 'tickets:read' })).access_token;
      const a = await api(world, 'acme', '/api/tickets?limit=5', token);
      const b = await api(again, 'acme', '/api/tickets?limit=5', otherToken);
      expect(b.body.data).toEqual(a.body.data);
      const globexToken = (await connect(again, 'globex', { scope: 'tickets:read' })).access_token;
      const c = await api(again, 'globex', '/api/tickets?limit=5', globexToken);
      expect(c.body.data).not.toEqual(a.body.data);
    } finally {
      await again.close();
    }
  });

  it('answers 403 with Gorgias body naming the missing scope, and tags:write allows POST /api/tags', async () => {
    const forbidden = await api(world, 'acme', '/api/tags', token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'from-test' }),
    });
    expect(forbidden.status).toBe(403);
    // Gorgias's shape, {"error":{"msg":…}}: no invented data fields.
    expect(forbidden.body).toEqual({ error: { msg: expect.stringContaining('tags:write') } });
    const events = await api(world, 'acme', '/api/events', token);
    expect(events.status).toBe(403);

    const writer = (await connect(world, 'acme', { scope: 'tags:write' })).access_token;
    const created = await api(world, 'acme', '/api/tags', writer, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'from-test' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'from-test' });
    // write implies read (an assumption, documented in scopes.ts).
    const tags = await api(world, 'acme', '/api/tags?limit=100', writer);
    expect((tags.body.data as Array<{ name: string }>).some((t) => t.name === 'from-test')).toBe(true);
    const bad = await api(world, 'acme', '/api/tags', writer, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { msg: expect.any(String) } });
  });

  it('lets the legacy write:all scope through everywhere', async () => {
    const legacy = (await connect(world, 'acme', { scope: 'write:all' })).access_token;
    for (const path of ['/api/events', '/api/tickets', '/api/satisfaction-surveys', '/api/teams']) {
      expect((await api(world, 'acme', path, legacy)).status).toBe(200);
    }
  });

  it('answers 401 Unauthorized for no, malformed or forged tokens, and 404 JSON for unknown API paths', async () => {
    for (const auth of [null, 'garbage', `${token}x`]) {
      const res = await api(world, 'acme', '/api/account', auth);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { msg: 'Unauthorized.' } });
      expect(res.headers.get('x-gorgias-account-api-call-limit')).toBeTruthy();
    }
    const weird = await fetch(`${world.sandbox.baseUrlFor('acme')}/api/account`, { headers: { Authorization: 'Bearer' } });
    expect(weird.status).toBe(401);
    const missing = await api(world, 'acme', '/api/nothing-here', token);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { msg: expect.any(String) } });
  });

  it("refuses a token from account A on account B", async () => {
    const res = await api(world, 'globex', '/api/account', token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { msg: 'Unauthorized.' } });
  });

  it('answers the exact Gorgias 401 once the authorising user is removed', async () => {
    const own = await startWorld();
    try {
      const t = (await connect(own, 'acme', { scope: 'account:read' }, 3)).access_token;
      expect((await api(own, 'acme', '/api/account', t)).status).toBe(200);
      own.sandbox.removeUser('acme', 3);
      const res = await api(own, 'acme', '/api/account', t);
      expect(res.status).toBe(401);
      expect(res.text).toBe('{"error":{"msg":"No user found matching the \\"sub\\" claim of the token."}}');
    } finally {
      await own.close();
    }
  });

  it('answers an unknown account with a 404 HTML page, like a wrong Gorgias subdomain', async () => {
    for (const path of ['/nope/api/account', '/nope/oauth/authorize', '/acme/no-such-page']) {
      const res = await fetch(`${world.sandbox.origin}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    const index = await fetch(`${world.sandbox.origin}/`);
    expect(await index.text()).toContain('globex');
  });

  it('rate-limits per account with a leaky bucket: request limit+1 in a window answers 429 with Retry-after', async () => {
    let now = Date.now();
    const limited = await startWorld({ rateLimit: { requests: 5, windowMs: 10_000 }, clock: { now: () => now } });
    try {
      const t = (await connect(limited, 'acme', { scope: 'account:read' })).access_token;
      const headers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await api(limited, 'acme', '/api/account', t);
        expect(res.status).toBe(200);
        headers.push(res.headers.get('x-gorgias-account-api-call-limit') ?? '');
      }
      expect(headers).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
      const over = await api(limited, 'acme', '/api/account', t);
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ error: { msg: expect.any(String) } });
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another account has its own bucket.
      expect((await api(limited, 'globex', '/api/account', null)).status).toBe(401);
      // The bucket leaks: after one drop's worth of time one more request fits.
      now += 2_000;
      expect((await api(limited, 'acme', '/api/account', t)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses an access token after its exp (24 h), by the injected clock', async () => {
    let now = Date.now();
    const timed = await startWorld({ clock: { now: () => now } });
    try {
      const t = (await connect(timed, 'acme', { scope: 'account:read' })).access_token;
      now += 86_401_000;
      expect((await api(timed, 'acme', '/api/account', t)).status).toBe(401);
    } finally {
      await timed.close();
    }
  });

  it('streams a deterministic large JSON response for benchmarks', async () => {
    const first = await api(world, 'acme', '/api/sandbox/large?size_mb=2', token);
    expect(first.status).toBe(200);
    expect(first.text.length).toBeGreaterThan(1.9 * 1024 * 1024);
    expect(first.text.length).toBeLessThan(2.1 * 1024 * 1024);
    expect((first.body.data as unknown[]).length).toBeGreaterThan(100);
    const second = await api(world, 'acme', '/api/sandbox/large?size_mb=2', token);
    expect(second.text).toBe(first.text);
    expect((await api(world, 'acme', '/api/sandbox/large?size_mb=101', token)).status).toBe(400);
  });
});
