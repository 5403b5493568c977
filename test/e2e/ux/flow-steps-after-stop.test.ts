// Flow steps after a stop (issue 14, point 3): after Deny the step that failed is marked and the
// exchange, which never ran, says "not run"; after Cancel nothing stays "in progress" and nothing
// is marked failed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, connectThroughConsent, waitFor } from '../ui/ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

async function stepsRead(page: Page): Promise<string[]> {
  return (await page.getByRole('list', { name: 'Flow steps' }).getByRole('listitem').allTextContents()).map((text) => text.replace(/^\W+/, '').trim());
}

describe('flow steps after a stop', () => {
  it('after Deny: the callback step failed, the exchange and later steps never ran', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await connectThroughConsent(harness, 'Deny');
    await page.getByRole('heading', { name: 'Connect failed' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await stepsRead(page)).toEqual([
      'Flow started (state and nonce created) (done)',
      'Consent page opened in the system browser (done)',
      'Callback received and checked (failed)',
      'Exchanging the code for tokens (not run)',
      'Checking the tokens and the id_token (not run)',
      'Install stored in the vault (not run)',
    ]);
    expect(await page.getByRole('list', { name: 'Flow steps' }).locator('[aria-current="step"]').count()).toBe(0);
    // The server's own sentence ends the clause once (issue 14, point 9: no "request.. Nothing").
    const failure = (await page.locator('.connect__failure').innerText());
    expect(failure).toContain('The user denied the authorization request. Nothing was stored.');
    expect(failure).not.toMatch(/\.\./);
  });

  it('after Cancel: the consent page was opened, nothing is in progress or failed, the rest never ran', async () => {
    const { page } = harness;
    const opened = harness.openedUrls.length;
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitFor(() => harness.openedUrls.length > opened, 'the consent page to open');
    await page.getByRole('list', { name: 'Flow steps' }).getByText('Consent page opened in the system browser').waitFor({ timeout: UI_TIMEOUT });
    // While it waits, the callback is the step under way.
    expect(await stepsRead(page)).toContain('Callback received and checked (in progress)');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByText('Cancelled by you; nothing was stored').waitFor({ timeout: UI_TIMEOUT });
    expect(await stepsRead(page)).toEqual([
      'Flow started (state and nonce created) (done)',
      'Consent page opened in the system browser (done)',
      'Callback received and checked (not run)',
      'Exchanging the code for tokens (not run)',
      'Checking the tokens and the id_token (not run)',
      'Install stored in the vault (not run)',
      'Cancelled by you; nothing was stored',
    ]);
  });
});
