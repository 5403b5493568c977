// v2 -> v3: each install learns who approved it (the stored id_token's sub/name/email, read without
// verifying: it was verified when it was stored); settings gain the idle auto-lock (off), the
// clipboard clearing delay (30 s) and the sandbox's `issuerWithoutIdp` switch. The sandbox quirks
// the user had chosen are kept; the new switch takes today's Gorgias behaviour (issuer with /idp).
import { userFromIdToken } from '../install-user';
import type { VaultData } from '../vault-types';
import type { V2Data } from './v2-schema';

export function migrateV2ToV3(v2: V2Data): VaultData {
  return {
    schemaVersion: 3,
    apps: v2.apps,
    accounts: v2.accounts,
    installs: v2.installs.map((install) => ({ ...install, user: userFromIdToken(install.idToken) })),
    settings: {
      seeded: v2.settings.seeded,
      sandboxQuirks: { ...v2.settings.sandboxQuirks, issuerWithoutIdp: false },
      autoLockMinutes: null,
      clipboardClearSeconds: 30,
    },
  };
}
