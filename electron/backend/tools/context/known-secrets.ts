// Every secret the vault holds right now, for a last scrub of anything that leaves the app (HAR,
// reports). Belt and braces: activity entries were redacted when they were written.
import { scrubText } from '../../activity/redact';
import type { Vault } from '../../vault/vault-types';

export function knownSecrets(vault: Vault): string[] {
  if (vault.status().state !== 'ready') return [];
  const data = vault.data();
  const secrets: string[] = [];
  for (const app of data.apps) if (app.clientSecret) secrets.push(app.clientSecret);
  for (const install of data.installs) {
    for (const token of [install.accessToken, install.refreshToken, install.idToken]) if (token) secrets.push(token);
  }
  return secrets;
}

export function createScrubber(vault: Vault, extra: readonly string[] = []): (text: string) => string {
  const secrets = [...knownSecrets(vault), ...extra];
  return (text) => scrubText(text, secrets);
}
