// The harness as a whole, in real Chromium: the "system browser" step (a second, bridge-less
// context follows the URL the backend opened and consents on the built-in sandbox, and the page
// hears about the new install), the recorded clipboard, and the temp folder's lifecycle.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { closeSharedBrowser, startHarness, type PageBridge } from './index';

type PageWindow = typeof globalThis & { workbench: PageBridge; __installsChanged?: number };

afterAll(closeSharedBrowser);

describe('startHarness', () => {
  it('lets a second, bridge-less page consent on the URL the backend opened, and the page hears the outcome', async () => {
    const harness = await startHarness({ flowTimeoutMs: 60_000 });
    try {
      const { page } = harness;
      await page.evaluate(() => {
        const window = globalThis as PageWindow;
        window.__installsChanged = 0;
        window.workbench.on('installs.changed', () => (window.__installsChanged! += 1));
      });
      const pick = await page.evaluate(async () => {
        const { workbench } = globalThis as PageWindow;
        const [apps, accounts] = await Promise.all([workbench.invoke('apps.list'), workbench.invoke('accounts.list')]);
        if (!apps.ok || !accounts.ok) throw new Error('listing failed');
        return { appId: apps.value[0]!.id, accountId: accounts.value.find((account) => account.builtInSandbox)!.id };
      });
      const started = await page.evaluate((input) => (globalThis as PageWindow).workbench.invoke('flows.start', input), pick);
      expect(started.ok).toBe(true);
      expect(harness.openedUrls).toHaveLength(1);
      expect(harness.openedUrls[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*\/oauth\/authorize\?/);

      const userBrowser = await harness.systemBrowser();
      expect(userBrowser.context()).not.toBe(harness.context);
      expect(await userBrowser.evaluate(() => typeof (globalThis as Partial<PageWindow>).workbench)).toBe('undefined');
      await userBrowser.getByRole('button', { name: 'Approve' }).click();
      await userBrowser.getByRole('heading', { name: 'Connected' }).waitFor();

      await page.waitForFunction(() => ((globalThis as PageWindow).__installsChanged ?? 0) > 0);
      const installs = await page.evaluate(() => (globalThis as PageWindow).workbench.invoke('installs.list'));
      expect(installs).toMatchObject({ ok: true, value: [{ status: 'active', ...pick }] });

      // Every token main holds stayed in main: the page got none of them over the bridge.
      const [stored] = harness.backend.vault.data().installs;
      const tokens = [stored?.accessToken, stored?.refreshToken, stored?.idToken].filter((token): token is string => Boolean(token));
      expect(tokens.length).toBe(3);
      for (const token of tokens) expect(harness.receivedText()).not.toContain(token);
    } finally {
      await harness.close();
    }
  });

  it('records what main copied to the clipboard', async () => {
    const harness = await startHarness();
    try {
      const result = await harness.page.evaluate(() => (globalThis as PageWindow).workbench.invoke('system.copyText', { text: 'copied by main' }));
      expect(result).toEqual({ ok: true, value: { clearsInSeconds: null } });
      expect(harness.clipboard).toEqual(['copied by main']);
    } finally {
      await harness.close();
    }
  });

  it('removes the temp data folder it made, and keeps one it was given', async () => {
    const made = await startHarness();
    await made.close();
    expect(existsSync(made.dataDir)).toBe(false);

    const given = await mkdtemp(join(tmpdir(), 'workbench-given-'));
    try {
      const harness = await startHarness({ dataDir: given });
      await harness.close();
      expect(existsSync(given)).toBe(true);
      expect(harness.dataDir).toBe(given);
    } finally {
      await rm(given, { recursive: true, force: true });
    }
  });
});
