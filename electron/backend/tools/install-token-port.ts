// Adapts the installs service (electron/backend/installs) to what the tools need: its
// getFreshAccessToken as is, and a refresh without the UI notice that installs.refresh raises.
import type { InstallTokenPort } from './deps';

export interface InstallsLike {
  getFreshAccessToken(installId: string, options?: { minValidityMs?: number }): Promise<unknown>;
  'installs.refresh'(input: { id: string }): Promise<unknown>;
}

export function installTokenPort(installs: InstallsLike): InstallTokenPort {
  return {
    getFreshAccessToken: (installId, options) => installs.getFreshAccessToken(installId, options),
    refresh: (installId) => installs['installs.refresh']({ id: installId }),
  };
}
