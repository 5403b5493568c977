// The apps.create input of a partner app with a loopback redirect on a free port: the app the
// local-server and install-entry tests register before they open its listeners.
import type { Backend } from '../../electron/backend/create-backend';

export type AppCreateInput = Parameters<Backend['apps.create']>[0];

export function partnerAppInput(): AppCreateInput {
  return {
    name: 'Partner app',
    clientId: 'partner-client',
    clientSecret: 'partner-secret',
    scopes: ['openid', 'offline', 'account:read'],
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
    clientAuth: 'basic',
    pkce: false,
  };
}
