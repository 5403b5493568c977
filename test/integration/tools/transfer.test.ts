// Import / export of apps and accounts: without secrets, with secrets under a passphrase, preview
// before apply, a wrong passphrase refused.
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../electron/common/errors';
import { CLIENT_SECRET, createToolsHarness, type ToolsHarness } from './tools-harness';

let h: ToolsHarness;

afterEach(async () => {
  await h?.close();
});

async function failure(promise: Promise<unknown>): Promise<WorkbenchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbenchError);
    return error as WorkbenchError;
  }
  throw new Error('expected a failure');
}

const wipe = () =>
  h.vault.update((draft) => {
    draft.apps = [];
    draft.accounts = [];
    draft.installs = [];
  });

describe('transfer', () => {
  it('round-trips apps and accounts with secrets encrypted under a passphrase', async () => {
    h = await createToolsHarness({ subdomains: ['acme', 'beta'] });
    await h.connect('acme');
    const exported = await h.tools['transfer.export']({ includeSecrets: true, passphrase: 'correct horse battery' });
    expect(exported).toMatchObject({ apps: 1, accounts: 2, secretsIncluded: true });
    for (const secret of h.secrets()) expect(exported.text).not.toContain(secret);
    expect(exported.text).not.toContain('accessToken');

    const before = structuredClone(h.vault.data());
    await wipe();
    const wrong = await failure(h.tools['transfer.preview']({ text: exported.text, passphrase: 'wrong passphrase' }));
    expect(wrong.code).toBe('VAULT_PASSPHRASE_WRONG');
    expect((await failure(h.tools['transfer.import']({ text: exported.text }))).details?.needsPassphrase).toBe(true);
    expect(h.vault.data().apps).toEqual([]);

    const preview = await h.tools['transfer.preview']({ text: exported.text, passphrase: 'correct horse battery' });
    expect(preview.counts).toEqual({ new: 3, updated: 0, unchanged: 0 });
    expect(preview.secretsIncluded).toBe(true);
    expect(h.vault.data().apps).toEqual([]);

    const applied = await h.tools['transfer.import']({ text: exported.text, passphrase: 'correct horse battery' });
    expect(applied.counts).toEqual({ new: 3, updated: 0, unchanged: 0 });
    const app = h.vault.data().apps[0]!;
    expect(app.clientSecret).toBe(CLIENT_SECRET);
    const strip = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: { id: string; createdAt: string; updatedAt: string }) => rest;
    expect(h.vault.data().apps.map(strip)).toEqual(before.apps.map(strip));
    expect(h.vault.data().accounts.map(strip)).toEqual(before.accounts.map(strip));
    expect(h.vault.data().installs).toEqual([]);
    expect(h.events.some((e) => e.event === 'apps.changed')).toBe(true);

    const again = await h.tools['transfer.preview']({ text: exported.text, passphrase: 'correct horse battery' });
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 3 });
  });

  it('without secrets: no secret in the file, existing secrets kept, changes listed by field', async () => {
    h = await createToolsHarness({ subdomains: ['acme'] });
    const exported = await h.tools['transfer.export']({ includeSecrets: false });
    expect(exported.secretsIncluded).toBe(false);
    expect(exported.text).not.toContain(CLIENT_SECRET);
    const file = JSON.parse(exported.text);
    file.accounts[0].label = 'Renamed';
    file.apps[0].scopes = ['openid'];
    const text = JSON.stringify(file);
    const preview = await h.tools['transfer.preview']({ text });
    expect(preview.items.map((i) => [i.kind, i.change, i.fields])).toEqual([
      ['app', 'updated', ['scopes']],
      ['account', 'updated', ['label']],
    ]);
    await h.tools['transfer.import']({ text });
    expect(h.vault.data().accounts[0]!.label).toBe('Renamed');
    expect(h.vault.data().apps[0]!.clientSecret).toBe(CLIENT_SECRET);
  });

  it('refuses files that are not exports, damaged ones and an export without a passphrase', async () => {
    h = await createToolsHarness();
    expect((await failure(h.tools['transfer.preview']({ text: 'not json' }))).code).toBe('INVALID_ARGUMENT');
    expect((await failure(h.tools['transfer.preview']({ text: '{"format":"other"}' }))).code).toBe('INVALID_ARGUMENT');
    const exported = await h.tools['transfer.export']({ includeSecrets: false });
    const file = JSON.parse(exported.text);
    file.accounts[0].subdomain = 'bad subdomain!';
    expect((await failure(h.tools['transfer.preview']({ text: JSON.stringify(file) }))).code).toBe('INVALID_SUBDOMAIN');
    delete file.apps[0].clientId;
    const damaged = await failure(h.tools['transfer.preview']({ text: JSON.stringify(file) }));
    expect(damaged.message).toContain('apps.0.clientId');
    expect((await failure(h.tools['transfer.export']({ includeSecrets: true }))).code).toBe('INVALID_ARGUMENT');
    expect((await failure(h.tools['transfer.export']({ includeSecrets: true, passphrase: 'short' }))).code).toBe('INVALID_ARGUMENT');
  });
});
