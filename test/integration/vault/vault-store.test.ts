// The encrypted store: round trip, nothing in clear on disk, serialised writes, rollback.
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECRET, closeVault, keyFile, makeTempDir, open, protector, sampleApp, storeFile } from './vault-test-helpers';

describe('vault store', () => {
  it('round-trips data across a reopen', async () => {
    const dir = await makeTempDir();
    const first = await open(dir);
    const returned = await first.update((draft) => {
      draft.apps.push(sampleApp());
      draft.settings.seeded = true;
      return draft.apps.length;
    });
    expect(returned).toBe(1);
    const written = structuredClone(first.data());
    await closeVault(first);

    const second = await open(dir);
    expect(second.status().state).toBe('ready');
    expect(second.data()).toEqual(written);
    expect(second.data().apps[0]?.clientSecret).toBe(SECRET);
  });

  it('keeps secrets out of the raw store and key files', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    const raw = await fs.readFile(storeFile(dir));
    expect(raw.includes(Buffer.from(SECRET))).toBe(false);
    expect(raw.includes(Buffer.from('client-1'))).toBe(false);
    expect(raw.includes(Buffer.from('schemaVersion'))).toBe(false);
    expect((await fs.readFile(keyFile(dir), 'utf8')).includes(SECRET)).toBe(false);
  });

  it('serialises 100 parallel updates: every one lands', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => vault.update((draft) => {
        draft.apps.push(sampleApp({ id: `app_${index}` }));
        return draft.apps.length;
      })),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    await closeVault(vault);
    const reopened = await open(dir);
    expect(reopened.data().apps.map((app) => app.id).sort()).toEqual(Array.from({ length: 100 }, (_, index) => `app_${index}`).sort());
  });

  it('undoes a change whose mutator throws, and the file is not written', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    const before = await fs.readFile(storeFile(dir));
    await expect(vault.update((draft) => {
      draft.apps.length = 0;
      throw new Error('mutator failed');
    })).rejects.toThrow('mutator failed');
    expect(vault.data().apps).toHaveLength(1);
    expect(await fs.readFile(storeFile(dir))).toEqual(before);
  });

  it('refuses a change that breaks the schema, names where, and never echoes the value', async () => {
    const vault = await open(await makeTempDir());
    const error = await vault.update((draft) => {
      draft.apps.push(sampleApp({ clientSecret: 12345 as unknown as string }));
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('apps.0.clientSecret') });
    expect((error as Error).message).not.toContain('12345');
    expect(vault.data().apps).toHaveLength(0);
  });

  it('restores the previous state and throws when persisting fails', async () => {
    const dir = await makeTempDir();
    const vault = await open(dir);
    await vault.update((draft) => void draft.apps.push(sampleApp()));
    // A folder where conf wants to rename its temp file: the atomic write fails for real.
    await fs.rm(storeFile(dir));
    await fs.mkdir(storeFile(dir));
    await expect(vault.update((draft) => void draft.apps.push(sampleApp({ id: 'app_2' })))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/could not be saved/) });
    expect(vault.data().apps.map((app) => app.id)).toEqual(['app_1']);
    // The queue is not stuck: the next update is attempted (and fails the same way).
    await expect(vault.update((draft) => void draft.apps.push(sampleApp({ id: 'app_3' })))).rejects.toMatchObject({ code: 'INTERNAL' });
    // An update that changes nothing writes nothing, so it cannot fail to write.
    await expect(vault.update(() => 'x')).resolves.toBe('x');
  });

  it('refuses an async mutator, which would persist before it finished', async () => {
    const vault = await open(await makeTempDir());
    await expect(vault.update(async (draft) => void draft.apps.push(sampleApp()))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(vault.data().apps).toHaveLength(0);
  });

  it('is not readable after close', async () => {
    const vault = await open(await makeTempDir(), protector('strong'));
    await closeVault(vault);
    await expect(vault.update(() => 1)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
