// Messages (issue 14, point 9): one date format on every screen (local time, the exact ISO instant
// on hover), the activity timeline included; a success toast leaves by itself, an error stays.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent } from '../ui/ui-steps';

const HOUR = 3_600_000;
let offsetMs = -25 * HOUR;
let harness!: Harness;
harnessForFile({ clock: { now: () => Date.now() + offsetMs }, viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

const notifications = () => harness.page.getByRole('status', { name: 'Notifications' });

/** Every <time> on screen: its text must be the local format of its ISO title. */
async function datesOnScreen(): Promise<{ text: string; title: string; local: string }[]> {
  return harness.page.locator('main time, .panel time').evaluateAll((nodes) =>
    nodes.map((node) => {
      const title = node.getAttribute('title') ?? '';
      return { text: node.textContent ?? '', title, local: new Date(title).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) };
    }),
  );
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('messages: toasts and dates', () => {
  it('an error toast stays while a success toast leaves by itself', async () => {
    const { page } = harness;
    // Connected "25 h ago": the access token is expired now, and its refresh token is broken.
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await connectThroughConsent(harness, 'Approve');
    await page.getByRole('heading', { name: /Demo app on Local sandbox/ }).waitFor({ timeout: UI_TIMEOUT });
    offsetMs = 0;
    await harness.backend.vault.update((draft) => {
      draft.installs[0]!.refreshToken = 'not-a-refresh-token';
    });
    await page.locator('.token').filter({ hasText: 'access token' }).getByText(', expired').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Refresh and copy access token' }).click();
    const error = notifications().locator('.toast--error').filter({ hasText: /^Nothing copied: the access token expired at / });
    await error.waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Copy id token', exact: true }).click();
    const success = notifications().locator('.toast').filter({ hasText: /^Id token copied/ });
    await success.waitFor({ timeout: UI_TIMEOUT });
    // Nobody dismisses anything: the success toast goes by itself ...
    await success.waitFor({ state: 'detached', timeout: 20_000 });
    // ... and the error is still there to be read, until dismissed.
    expect(await error.count()).toBe(1);
    await error.getByRole('button', { name: 'Dismiss notification' }).click();
    expect(await notifications().locator('.toast--error').count()).toBe(0);
  });

  it('prints every date the same way, local time with the ISO instant on hover', async () => {
    const { page } = harness;
    // The install view: obtained, expires, refreshed, the id token's claims.
    const install = await datesOnScreen();
    expect(install.length).toBeGreaterThanOrEqual(2);
    // The activity timeline and its detail pane.
    await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Activity' }).click();
    const row = page.locator('.activity-row:not(.activity-row--head)').first();
    await row.locator('time').waitFor({ timeout: UI_TIMEOUT });
    await row.click();
    await page.locator('.activity-detail time').waitFor({ timeout: UI_TIMEOUT });
    const activity = await datesOnScreen();
    expect(activity.length).toBeGreaterThanOrEqual(2);
    for (const date of [...install, ...activity]) {
      expect(date.title).toMatch(ISO);
      expect(date.text).toBe(date.local);
    }
    // The timeline's time is the same text as the detail pane's for the same entry.
    expect(await row.locator('time').textContent()).toBe(await page.locator('.activity-detail time').first().textContent());
    // No raw ISO instant is printed as text anywhere on the page.
    expect(await page.locator('body').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});
