// Complete, valid contract inputs for the e2e suites (tests override what they are about).
import type { MethodInput } from '../../../electron/common/contract';

export const SECRET = 'sk_test_SECRET_123456';

export function appInput(overrides: Partial<MethodInput<'apps.create'>> = {}): MethodInput<'apps.create'> {
  return {
    name: 'E2E app',
    clientId: 'e2e-client',
    clientSecret: SECRET,
    scopes: ['openid', 'offline', 'account:read'],
    redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false },
    clientAuth: 'basic',
    pkce: false,
    ...overrides,
  };
}

export function accountInput(overrides: Partial<MethodInput<'accounts.create'>> = {}): MethodInput<'accounts.create'> {
  return { subdomain: 'acme', label: 'Acme QA', kind: 'sandbox', notes: '', customBaseUrl: null, ...overrides };
}
