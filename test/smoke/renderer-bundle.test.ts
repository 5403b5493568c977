// The built renderer stays lean: the schema library belongs to main (which validates every call),
// so a value import of a schema file from the renderer would show here, not only in the bench.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const assets = fileURLToPath(new URL('../../dist/renderer/assets/', import.meta.url));

it('carries no schema library and splits the tools out of the first screen', async () => {
  const files = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  for (const file of files) {
    const text = await readFile(join(assets, file), 'utf8');
    expect(text.includes('ZodError'), `${file} bundles zod`).toBe(false);
  }
  expect(files.some((name) => name.startsWith('api-console-view-'))).toBe(true);
});
