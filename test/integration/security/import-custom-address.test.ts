// An import that adds an account at a custom base URL (where the app's client secret would be sent)
// is flagged in the preview data, host by host; Gorgias's own hosts and known accounts are not.
import { expect, it } from 'vitest';
import { buildExportFile } from '../../../electron/backend/tools/transfer/transfer-format';
import { createTransferService } from '../../../electron/backend/tools/transfer/transfer-service';
import type { StoredAccount } from '../../../electron/backend/vault/vault-types';

const at = '2026-01-01T00:00:00.000Z';
const account = (subdomain: string, customBaseUrl: string | null): StoredAccount => ({ id: `acc_${subdomain}`, subdomain, label: subdomain, kind: 'production', notes: '', customBaseUrl, builtInSandbox: false, createdAt: at, updatedAt: at });

it('the preview lists every new account outside gorgias.com with its host', async () => {
  const known = account('known', 'https://known-proxy.example');
  const vault = { data: () => ({ apps: [], accounts: [known], installs: [] }) };
  const service = createTransferService({ vault, clock: { now: () => 0 }, events: { emit: () => undefined } } as never);
  const text = JSON.stringify(buildExportFile([], [known, account('evil', 'https://gorgias-login.evil.example:8443'), account('acme', null), account('eu', 'https://eu.gorgias.com')], null, at));
  const preview = await service['transfer.preview']({ text });
  expect(preview.customBaseUrls).toEqual([{ name: 'evil (evil)', baseUrl: 'https://gorgias-login.evil.example:8443', host: 'gorgias-login.evil.example:8443' }]);
});
