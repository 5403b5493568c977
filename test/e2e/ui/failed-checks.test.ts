// A flow stopped by an id_token check: the window lists each failed check from the flow's data —
// the claim, what the flow expected and what the token held — and stores nothing.
import { describe, expect, it } from 'vitest';
import { harnessForFile, type Harness } from '../harness';
import { UI_TIMEOUT, waitFor } from './ui-steps';

let harness!: Harness;
harnessForFile({ viewport: { width: 1280, height: 900 } }, (started) => (harness = started));

describe('a failed id_token check', () => {
  it('shows the row "nonce: expected … got …" and stores nothing', async () => {
    const { page } = harness;
    const opened = harness.openedUrls.length;
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await waitFor(() => harness.openedUrls.length > opened, 'the backend to open the consent page');
    // The sandbox answers with an id_token carrying another nonce than the one this flow sent.
    harness.backend.sandbox.current()!.setFault('id-token-wrong-nonce');
    const sent = new URL(harness.openedUrls.at(-1)!).searchParams.get('nonce')!;
    const browser = await harness.systemBrowser();
    await browser.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('heading', { name: 'Connect failed' }).waitFor({ timeout: UI_TIMEOUT });
    const rows = page.getByRole('list', { name: 'Failed checks' }).getByRole('listitem');
    await rows.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain(`nonce: expected ${sent.slice(0, 6)}…${sent.slice(-4)} got ${sent.slice(0, 6)}…ours`);
    expect(row).toContain('differs from the one this flow sent');
    expect(harness.backend.vault.data().installs).toHaveLength(0);
    expect(harness.pageErrors).toEqual([]);
  });
});
