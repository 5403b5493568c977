// What an import would change, item by item: new, updated (which fields), unchanged. Apps match by
// client id; accounts by where they point (subdomain and base URL, or the built-in sandbox).
import type { TransferChange, TransferItemPreview, TransferPreview } from '../../../common/tools/tool-results';
import type { StoredAccount, StoredApp } from '../../vault/vault-types';
import type { ExportedAccount, ExportedApp } from './transfer-format';

interface PlannedApp {
  item: ExportedApp;
  clientSecret: string | null;
  existing: StoredApp | null;
  change: TransferChange;
  fields: string[];
}

interface PlannedAccount {
  item: ExportedAccount;
  existing: StoredAccount | null;
  change: TransferChange;
  fields: string[];
}

export interface TransferPlan {
  apps: PlannedApp[];
  accounts: PlannedAccount[];
  secretsIncluded: boolean;
}

const accountKey = (account: Pick<StoredAccount, 'subdomain' | 'customBaseUrl' | 'builtInSandbox'>): string =>
  account.builtInSandbox ? `sandbox:${account.subdomain}` : `${account.customBaseUrl ?? 'gorgias'}|${account.subdomain}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function appFields(item: ExportedApp, existing: StoredApp, secret: string | null): string[] {
  const fields: string[] = [];
  if (item.name !== existing.name) fields.push('name');
  if (!same([...item.scopes].sort(), [...existing.scopes].sort())) fields.push('scopes');
  if (!same(item.redirect, existing.redirect)) fields.push('redirect');
  if (item.clientAuth !== existing.clientAuth) fields.push('clientAuth');
  if (item.pkce !== existing.pkce) fields.push('pkce');
  if (secret !== null && secret !== existing.clientSecret) fields.push('clientSecret');
  return fields;
}

function accountFields(item: ExportedAccount, existing: StoredAccount): string[] {
  const fields: string[] = [];
  if (item.label !== existing.label) fields.push('label');
  if (item.kind !== existing.kind) fields.push('kind');
  if (item.notes !== existing.notes) fields.push('notes');
  return fields;
}

export function planTransfer(input: {
  apps: readonly ExportedApp[];
  accounts: readonly ExportedAccount[];
  secrets: Record<string, string> | null;
  current: { apps: readonly StoredApp[]; accounts: readonly StoredAccount[] };
}): TransferPlan {
  const seenApps = new Set<string>();
  const apps: PlannedApp[] = [];
  for (const item of input.apps) {
    if (seenApps.has(item.clientId)) continue;
    seenApps.add(item.clientId);
    const existing = input.current.apps.find((app) => app.clientId === item.clientId) ?? null;
    const secret = input.secrets?.[item.clientId] ?? null;
    const fields = existing ? appFields(item, existing, secret) : [];
    apps.push({ item, clientSecret: secret, existing, change: !existing ? 'new' : fields.length > 0 ? 'updated' : 'unchanged', fields });
  }
  const seenAccounts = new Set<string>();
  const accounts: PlannedAccount[] = [];
  for (const item of input.accounts) {
    const key = accountKey(item);
    if (seenAccounts.has(key)) continue;
    seenAccounts.add(key);
    const existing = input.current.accounts.find((account) => accountKey(account) === key) ?? null;
    const fields = existing ? accountFields(item, existing) : [];
    accounts.push({ item, existing, change: !existing ? 'new' : fields.length > 0 ? 'updated' : 'unchanged', fields });
  }
  return { apps, accounts, secretsIncluded: input.secrets !== null };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function previewOf(plan: TransferPlan): TransferPreview {
  const items: TransferItemPreview[] = [
    ...plan.apps.map((p) => ({ kind: 'app' as const, name: p.item.name, key: p.item.clientId, change: p.change, fields: p.fields })),
    ...plan.accounts.map((p) => ({ kind: 'account' as const, name: `${p.item.label || p.item.subdomain} (${p.item.subdomain})`, key: accountKey(p.item), change: p.change, fields: p.fields })),
  ];
  const counts: Record<TransferChange, number> = { new: 0, updated: 0, unchanged: 0 };
  for (const item of items) counts[item.change] += 1;
  const customBaseUrls = plan.accounts
    .filter((p) => p.change === 'new' && !p.item.builtInSandbox && p.item.customBaseUrl)
    .map((p) => ({ name: `${p.item.label || p.item.subdomain} (${p.item.subdomain})`, baseUrl: p.item.customBaseUrl!, host: hostOf(p.item.customBaseUrl!) }))
    // Gorgias's own hosts are not news; any other server would receive the client secret.
    .filter((entry) => !entry.host.toLowerCase().endsWith('.gorgias.com'));
  return { secretsIncluded: plan.secretsIncluded, customBaseUrls, items, counts };
}
