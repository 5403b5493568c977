// The inspector (issue 14, points 2 and 11): the signature verdict and its explanation never
// overlap, at 1024 and 1280 px, light and dark; a truncated JWT is explained in words, not with a
// library's error name.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, startHarness, type Harness } from '../harness';
import { UI_TIMEOUT, connectFirstInstall } from '../tools/tools-steps';

afterAll(() => closeSharedBrowser());

async function inspect(harness: Harness, token: string) {
  const { page } = harness;
  await page.getByRole('list', { name: 'Tools' }).getByRole('button', { name: 'Inspector' }).click();
  await page.getByRole('textbox', { name: 'Token' }).fill(token);
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  const signature = page.getByRole('region', { name: 'Inspection' }).getByRole('group', { name: 'Signature' });
  await signature.waitFor({ timeout: UI_TIMEOUT });
  return signature;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('inspector', () => {
  for (const [width, colorScheme] of [[1024, 'light'], [1280, 'dark'], [1024, 'dark'], [1280, 'light']] as const) {
    it(`shows the signature verdict apart from its explanation at ${width} px, ${colorScheme}`, async () => {
      const harness = await startHarness({ viewport: { width, height: 800 }, colorScheme });
      try {
        await connectFirstInstall(harness);
        const token = harness.backend.vault.data().installs[0]!.accessToken;
        // Cut short inside the signature: decodes, but cannot be verified.
        const signature = await inspect(harness, token.slice(0, -1));
        const [word, detail] = [signature.locator('p').nth(0), signature.locator('p').nth(1)];
        expect(await word.textContent()).toBe('Signature FAILED');
        const text = (await detail.textContent())!;
        expect(text).toMatch(/cut short or altered/);
        expect(await harness.page.getByRole('region', { name: 'Inspection' }).textContent()).not.toMatch(/JWSInvalid|JWS\w+|JOSE\w+|ERR_/);
        const [wordBox, detailBox] = await Promise.all([word.boundingBox(), detail.boundingBox()]);
        expect(overlaps(wordBox!, detailBox!)).toBe(false);
        expect(detailBox!.y).toBeGreaterThanOrEqual(wordBox!.y + wordBox!.height);
        await harness.page.screenshot({ path: `/tmp/ux/inspector-${width}-${colorScheme}.png` });
      } finally {
        await harness.close();
      }
    }, 60_000);
  }
});
