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

// The first paint (renderer/src/first-paint) runs from the entry chunk before React's chunk is
// compiled: an import that pulled React DOM (the bulk, ~200 KB) into the entry or a chunk it imports
// statically would make the first paint wait for it, and it would no longer come first. (The small
// `react` package is there already: the stores' hooks.)
it('keeps React DOM out of the entry chunk and what it imports statically', async () => {
  const html = await readFile(join(assets, '..', 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(join(assets, file), 'utf8');
    expect(text.includes('__reactContainer'), `${file} (the entry's) bundles React DOM`).toBe(false);
    for (const [, imported] of text.matchAll(/(?:import|from)\s*"\.\/([^"]+\.js)"/g)) await visit(imported!);
  };
  await visit(entry!);
  expect(seen.size).toBeGreaterThan(0);
  // …while the app's chunk does (the marker is right).
  const files = await readdir(assets);
  const startApp = files.find((name) => name.startsWith('start-app-') && name.endsWith('.js'))!;
  expect((await readFile(join(assets, startApp), 'utf8')).includes('__reactContainer')).toBe(true);
});
