// The vault's KeyProtector outside Electron: there is no OS keychain API in plain Node (safeStorage
// exists only inside Electron), so the CLI offers a passphrase or the explicit weak mode, and a vault
// whose key the app put in the OS keychain stays locked with a message saying how to get in.
import type { KeyProtector } from '../backend/ports';

export const OS_KEYCHAIN_UNREACHABLE = 'the OS keychain is reachable only from inside the Electron app';

export const nodeKeyProtector: KeyProtector = {
  availability: async () => ({ level: 'unavailable', backend: null }),
  protect: async () => {
    throw new Error(OS_KEYCHAIN_UNREACHABLE);
  },
  unprotect: async () => {
    throw new Error(OS_KEYCHAIN_UNREACHABLE);
  },
};
