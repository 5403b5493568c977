// README and package.json agree on the Node the project needs (issue 14, point 12): `engines` is at
// least what the pinned Electron's tooling declares, and the README's one prerequisites table says
// the same version.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const readJson = async (path: string) => JSON.parse(await readFile(new URL(path, root), 'utf8')) as Record<string, unknown>;

/** The lowest version a ">=x.y" or "^a || >=x.y" range accepts on its newest line. */
function floorOf(range: string): [number, number] {
  const last = range.split('||').map((part) => part.trim()).at(-1)!;
  const match = /(\d+)\.(\d+)/.exec(last);
  if (!match) throw new Error(`Cannot read the range ${range}`);
  return [Number(match[1]), Number(match[2])];
}
const atLeast = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

describe('prerequisites', () => {
  it('engines.node covers what the Electron tooling requires, and the README says it in one place', async () => {
    const pkg = (await readJson('package.json')) as { engines: { node: string } };
    const lock = (await readJson('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    const tooling = ['node_modules/@electron/get', 'node_modules/@electron/rebuild'].map((name) => lock.packages[name]?.engines?.node).filter((range): range is string => Boolean(range));
    expect(tooling.length).toBeGreaterThan(0);
    const ours = floorOf(pkg.engines.node);
    for (const range of tooling) expect(atLeast(ours, floorOf(range)), `engines.node ${pkg.engines.node} vs ${range}`).toBe(true);

    const readme = await readFile(new URL('README.md', root), 'utf8');
    expect(readme.match(/^## Prerequisites$/gm)).toHaveLength(1);
    const section = readme.slice(readme.indexOf('## Prerequisites'), readme.indexOf('## Use it'));
    expect(section).toContain(`**${ours[0]}.${ours[1]} or newer**`);
    expect(section).toContain('20.19');
  });
});
