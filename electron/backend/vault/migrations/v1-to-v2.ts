// v1 -> v2: the redirect becomes a mode object (v1 only knew loopback), apps get the defaults
// Gorgias needs (Basic client auth, no PKCE), accounts get a kind, installs get the failing flag
// and an empty check list, settings get the sandbox quirks as Gorgias behaves.
import type { V2Data } from './v2-schema';
import type { V1Data } from './v1-schema';

export function migrateV1ToV2(v1: V1Data): V2Data {
  return {
    schemaVersion: 2,
    apps: v1.apps.map(({ redirectPort, redirectPath, ...app }) => ({
      ...app,
      redirect: { mode: 'loopback', port: redirectPort, path: redirectPath, relayUrl: '', pasteUrl: '', includeAccountParam: false },
      clientAuth: 'basic',
      pkce: false,
    })),
    accounts: v1.accounts.map((account) => ({
      ...account,
      // v1 could not tell; anything but the built-in sandbox is marked production so the UI warns
      // before a real customer's account is touched (the user can relabel it).
      kind: account.builtInSandbox ? 'sandbox' : 'production',
    })),
    installs: v1.installs.map((install) => ({ ...install, failing: false, checks: [] })),
    settings: { seeded: v1.settings.seeded, sandboxQuirks: { expiresIn: 0, numericSub: true, rotateRefreshTokens: false } },
  };
}
