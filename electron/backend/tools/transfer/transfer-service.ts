// transfer.*: apps and accounts out to a JSON file and back in. Installs (tokens) never leave; client
// secrets leave only encrypted under a passphrase. Import previews first and applies the same plan.
import { WorkbenchError } from '../../../common/errors';
import { newId } from '../../ids';
import type { MethodsOf } from '../../../common/contract';
import type { ServiceSlice } from '../../service';
import type { ToolsDeps } from '../deps';
import { decryptSecrets, encryptSecrets } from './transfer-crypto';
import { buildExportFile, parseExportFile, parseSecretPayload, type SecretPayload } from './transfer-format';
import { planTransfer, previewOf, type TransferPlan } from './transfer-plan';

/** Every transfer method but the one-install export, which install-export-service.ts serves. */
export function createTransferService(deps: ToolsDeps): ServiceSlice<Exclude<MethodsOf<'transfer'>, 'transfer.exportInstall'>> {
  const now = () => new Date(deps.clock.now()).toISOString();

  async function plan(text: string, passphrase: string | undefined): Promise<TransferPlan> {
    const file = parseExportFile(text);
    let secrets: Record<string, string> | null = null;
    if (file.secrets) {
      if (!passphrase) {
        throw new WorkbenchError('INVALID_ARGUMENT', 'This file holds client secrets encrypted under a passphrase: enter it to import.', { field: 'passphrase', needsPassphrase: true });
      }
      secrets = parseSecretPayload(await decryptSecrets(file.secrets, passphrase)).clientSecrets;
    }
    const data = deps.vault.data();
    return planTransfer({ apps: file.apps, accounts: file.accounts, secrets, current: { apps: data.apps, accounts: data.accounts } });
  }

  return {
    async 'transfer.export'({ includeSecrets, passphrase }) {
      const data = deps.vault.data();
      let secrets = null;
      if (includeSecrets) {
        if (!passphrase) throw new WorkbenchError('INVALID_ARGUMENT', 'Pick a passphrase to protect the client secrets in the file.', { field: 'passphrase' });
        const payload: SecretPayload = { clientSecrets: Object.fromEntries(data.apps.filter((app) => app.clientSecret).map((app) => [app.clientId, app.clientSecret])) };
        secrets = await encryptSecrets(JSON.stringify(payload), passphrase);
      }
      const file = buildExportFile(data.apps, data.accounts, secrets, now());
      return { text: `${JSON.stringify(file, null, 2)}\n`, apps: file.apps.length, accounts: file.accounts.length, secretsIncluded: secrets !== null };
    },

    async 'transfer.preview'({ text, passphrase }) {
      return previewOf(await plan(text, passphrase));
    },

    async 'transfer.import'({ text, passphrase }) {
      const planned = await plan(text, passphrase);
      const at = now();
      await deps.vault.update((draft) => {
        for (const item of planned.apps) {
          if (item.change === 'unchanged') continue;
          const existing = draft.apps.find((app) => app.clientId === item.item.clientId);
          if (existing) {
            Object.assign(existing, { ...item.item, redirect: { ...item.item.redirect }, scopes: [...item.item.scopes], updatedAt: at });
            if (item.clientSecret !== null) existing.clientSecret = item.clientSecret;
          } else {
            draft.apps.push({ id: newId('app'), ...item.item, clientSecret: item.clientSecret ?? '', builtIn: false, createdAt: at, updatedAt: at });
          }
        }
        for (const item of planned.accounts) {
          if (item.change === 'unchanged') continue;
          const existing = item.existing ? draft.accounts.find((account) => account.id === item.existing!.id) : undefined;
          if (existing) Object.assign(existing, { label: item.item.label, kind: item.item.kind, notes: item.item.notes, updatedAt: at });
          else draft.accounts.push({ id: newId('acc'), ...item.item, createdAt: at, updatedAt: at });
        }
      });
      const preview = previewOf(planned);
      if (planned.apps.some((p) => p.change !== 'unchanged')) deps.events.emit('apps.changed', null);
      if (planned.accounts.some((p) => p.change !== 'unchanged')) deps.events.emit('accounts.changed', null);
      deps.events.emit('notice', { level: 'success', message: `Imported: ${preview.counts.new} new, ${preview.counts.updated} updated, ${preview.counts.unchanged} unchanged.` });
      return preview;
    },
  };
}
