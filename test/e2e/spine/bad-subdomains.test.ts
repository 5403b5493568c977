// Bad subdomains sent by the page through the real bridge: each is refused with INVALID_SUBDOMAIN
// and nothing is stored, neither a new account nor a change to an existing one (checked in the
// vault itself and again after a restart on the same folder).
import { describe, expect, it } from 'vitest';

import { harnessForFile, type Harness, type PageBridge } from '../harness';
import { accountInput } from './inputs';

type PageWindow = typeof globalThis & { workbench: PageBridge };

const BAD_SUBDOMAINS = ['acme.evil.com', '', 'a'.repeat(64), 'ünicode'];

let harness!: Harness;
harnessForFile({}, (started) => (harness = started));

const storedAccounts = () => JSON.stringify(harness.backend.vault.data().accounts);

describe('bad subdomains through the bridge', () => {
  it.each(BAD_SUBDOMAINS)('accounts.create refuses %j with INVALID_SUBDOMAIN and stores nothing', async (subdomain) => {
    const before = storedAccounts();
    const result = await harness.page.evaluate((input) => (globalThis as PageWindow).workbench.invoke('accounts.create', input), accountInput({ subdomain, label: `bad ${subdomain}` }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_SUBDOMAIN' } });
    expect(result.ok ? '' : result.error.message.length).toBeGreaterThan(10);
    expect(storedAccounts()).toBe(before);
  });

  it('accounts.update refuses every bad subdomain and leaves the account as it was, across a restart', async () => {
    const created = await harness.page.evaluate((input) => (globalThis as PageWindow).workbench.invoke('accounts.create', input), accountInput({ subdomain: 'acme', label: 'Acme QA' }));
    if (!created.ok) throw new Error(`setup failed: ${created.error.message}`);
    const before = storedAccounts();
    for (const subdomain of BAD_SUBDOMAINS) {
      const result = await harness.page.evaluate(
        ([id, value]) => (globalThis as PageWindow).workbench.invoke('accounts.update', { id, patch: { subdomain: value } }),
        [created.value.id, subdomain] as const,
      );
      expect(result, subdomain).toMatchObject({ ok: false, error: { code: 'INVALID_SUBDOMAIN' } });
    }
    expect(storedAccounts()).toBe(before);

    await harness.restartBackend();
    const listed = await harness.page.evaluate(() => (globalThis as PageWindow).workbench.invoke('accounts.list'));
    if (!listed.ok) throw new Error(listed.error.message);
    const subdomains = listed.value.map((account) => account.subdomain);
    expect(subdomains).toContain('acme');
    for (const bad of BAD_SUBDOMAINS) expect(subdomains).not.toContain(bad);
    expect(listed.value.filter((account) => account.label.startsWith('bad '))).toEqual([]);
  });
});
