// What the user must see and decide in the window: an import that adds an account outside
// gorgias.com (where the client secret would be sent) is unmissable and Apply waits for a yes; a new
// subdomain arriving through the App URL waits for the user's yes or no before any account exists.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { navigate } from '../../integration/security/local-http';
import { UI_TIMEOUT } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 1000 } }, (started) => (harness = started));

const subdomains = () => harness.backend.vault.data().accounts.map((a) => a.subdomain);

describe('security prompts', () => {
  it('an import adding an account at another server names its host and needs an explicit yes', async () => {
    const { page } = harness;
    const exported = await harness.backend['transfer.export']({ includeSecrets: false });
    const file = JSON.parse(exported.text) as { accounts: Record<string, unknown>[] };
    file.accounts.push({ ...file.accounts[0], subdomain: 'lookalike', label: 'Acme support', kind: 'production', notes: '', customBaseUrl: 'https://gorgias-login.evil.example', builtInSandbox: false });
    await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Import / export' }).click();
    await page.getByLabel('Import JSON').fill(JSON.stringify(file));
    await page.getByRole('button', { name: 'Preview' }).click();
    const warning = page.getByRole('alert', { name: 'Accounts at other addresses' });
    await warning.waitFor({ timeout: UI_TIMEOUT });
    expect(await warning.textContent()).toMatch(/This import adds an account outside gorgias\.com\..*client secret.*gorgias-login\.evil\.example/s);
    const apply = page.getByRole('button', { name: 'Apply' });
    expect(await apply.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'I know and trust this server' }).check();
    await apply.click();
    await page.getByRole('status').getByText(/^Imported:/).first().waitFor({ timeout: UI_TIMEOUT });
    expect(subdomains()).toContain('lookalike');
  });

  it('a new subdomain through the App URL waits for the user; Refuse creates nothing', async () => {
    const { page } = harness;
    const app = harness.backend.vault.data().apps[0]!;
    const { url } = await harness.backend['flows.installEntry']({ appId: app.id, enabled: true });
    const answer = navigate(`${url}?account=strangeshop`);
    const prompt = page.getByRole('alertdialog', { name: 'New account strangeshop' });
    await prompt.waitFor({ timeout: UI_TIMEOUT });
    expect(await prompt.textContent()).toContain('strangeshop.gorgias.com');
    expect(subdomains()).not.toContain('strangeshop');
    await prompt.getByRole('button', { name: 'Refuse' }).click();
    expect((await answer).status).toBe(403);
    await prompt.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(subdomains()).not.toContain('strangeshop');
    await harness.backend['flows.installEntry']({ appId: app.id, enabled: false });
  });
});
