// Several users per app × account: a Gorgias token acts with the role of the user who approved it,
// so each user's approval keeps an install of its own (keyed by the id_token's sub), the same user's
// approval replaces theirs, and each install acts with its user's role on the API.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES, createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;
afterEach(async () => {
  await h?.close();
});

const postTag = (installId: string, name: string) =>
  h.tools['api.send']({ installId, method: 'POST', path: '/api/tags', query: [], headers: [['Content-Type', 'application/json']], body: JSON.stringify({ name }) });

describe('several users per app × account', () => {
  it('keeps one install per approving user, replaces a user\'s own, and each acts with its role', async () => {
    h = await createToolsHarness({ scopes: [...DEFAULT_SCOPES, 'tags:write'] });
    const admin = await h.connect('acme', { userId: 1 });
    const observer = await h.connect('acme', { userId: 4 });
    expect(observer).not.toBe(admin);

    const installs = await h.installs['installs.list'](undefined);
    expect(installs).toHaveLength(2);
    const byId = new Map(installs.map((install) => [install.id, install]));
    expect(byId.get(admin)?.user).toMatchObject({ sub: expect.stringMatching(/^\d+-1$/), name: 'Alex Admin (fake)', email: 'alex.admin@acme.example' });
    expect(byId.get(observer)?.user).toMatchObject({ sub: expect.stringMatching(/^\d+-4$/), name: 'Olive Observer (fake)' });
    expect((await h.installs['installs.get']({ id: observer })).user?.email).toBe('olive.observer@acme.example');

    // The same user approving again replaces their install (same id), and leaves the other's alone.
    const observerAgain = await h.connect('acme', { userId: 4 });
    expect(observerAgain).toBe(observer);
    expect(await h.installs['installs.list'](undefined)).toHaveLength(2);

    // Each install acts with its user's role: the observer's write is refused about the role.
    const refused = await postTag(observer, 'observer-tag');
    expect(refused.status).toBe(403);
    expect(refused.errorMessage).toContain('observer-agent');
    expect(refused.hint).toContain('role of the user');
    const created = await postTag(admin, 'admin-tag');
    expect(created.status).toBe(201);
  });
});
