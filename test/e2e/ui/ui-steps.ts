// Steps the UI journeys share: connect the demo app through the sandbox's consent page (clicked in
// a second page, as the user's system browser), and small waits on what the page shows.
import type { Page } from 'playwright-core';
import type { Harness } from '../harness';

export const UI_TIMEOUT = 15_000;

/** Presses the first-run "Connect", then answers the consent page in the "system browser". */
export async function connectThroughConsent(harness: Harness, decision: 'Approve' | 'Deny'): Promise<Page> {
  const { page } = harness;
  const opened = harness.openedUrls.length;
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('list', { name: 'Flow steps' }).waitFor({ timeout: UI_TIMEOUT });
  await waitFor(() => harness.openedUrls.length > opened, 'the backend to open the consent page');
  const browser = await harness.systemBrowser();
  await browser.getByRole('button', { name: decision }).click();
  return browser;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = UI_TIMEOUT): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Everything the page shows: its HTML and the values of its fields. */
export async function everythingThePageShows(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].map((element) => (element as HTMLInputElement).value),
  );
  return `${await page.content()}\n${values.join('\n')}`;
}

/**
 * Controls a screen reader could not name: buttons without text or aria-label, fields without a
 * <label for>, aria-label or aria-labelledby. Returns a short description of each (empty = all named).
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="combobox"], [role="option"]')) {
      if (element.closest('[hidden], dialog:not([open])')) continue;
      const aria = element.getAttribute('aria-label')?.trim() || element.getAttribute('aria-labelledby');
      if (aria) continue;
      if (element instanceof HTMLButtonElement || element.getAttribute('role') === 'option') {
        if (element.textContent?.trim()) continue;
      } else if ((element as HTMLInputElement).labels?.length) {
        continue;
      }
      problems.push(element.outerHTML.slice(0, 120));
    }
    return problems;
  });
}

/**
 * Waits until React has the main screen: the first paint (renderer/src/first-paint) shows the grid
 * earlier, inert, and a key pressed then (Ctrl+K) reaches no listener yet. Clicks need no such
 * wait: Playwright waits for the inert copy to become React's.
 */
export async function waitForReact(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#root > *') !== null && document.querySelector('[data-first-paint]') === null, undefined, { timeout: UI_TIMEOUT });
}
