import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/backend/events';
import { installStatus, toInstallDetail } from '../../../electron/backend/installs/install-view';
import { FlowManager, type FlowRecord } from '../../../electron/backend/oauth/flow-manager';
import type { StoredAccount, StoredApp, StoredInstall } from '../../../electron/backend/vault/vault-types';
import type { FlowView } from '../../../electron/common/model';

const app = { id: 'app_1', redirect: { path: '/callback' } } as unknown as StoredApp;
const account = { id: 'acc_1' } as unknown as StoredAccount;
const records: FlowRecord[] = [];

function manager(): { flows: FlowManager; views: FlowView[] } {
  const bus = new EventBus();
  const views: FlowView[] = [];
  bus.subscribe((event, payload) => {
    if (event === 'flow.progress') views.push(payload as FlowView);
  });
  return { flows: new FlowManager(bus, { now: () => Date.UTC(2026, 0, 1) }), views };
}

function create(flows: FlowManager, state: string, timeoutMs = 60_000): FlowRecord {
  const record = flows.create({ id: `flow_${state}`, app, account, baseUrl: 'b', mode: 'loopback', state, nonce: 'n', codeVerifier: null, redirectUri: 'r', registeredRedirectUri: 'r', authorizeUrl: 'a', lease: null, timeoutMs });
  records.push(record);
  return record;
}

afterEach(() => {
  for (const record of records.splice(0)) if (record.timer) clearTimeout(record.timer);
});

describe('flow manager', () => {
  it('a state is claimed once; a second claim finds nothing', () => {
    const { flows } = manager();
    create(flows, 's1');
    expect(flows.claim('s1')?.view.id).toBe('flow_s1');
    expect(flows.claim('s1')).toBeNull();
    expect(flows.claim('unknown')).toBeNull();
  });

  it('cancel works only while waiting for the callback; finished flows do not move', () => {
    const { flows, views } = manager();
    const waiting = create(flows, 'w');
    expect(flows.cancel(waiting.view.id).step).toBe('cancelled');
    const exchanging = create(flows, 'x');
    flows.claim('x');
    flows.step(exchanging, 'exchanging');
    expect(flows.cancel(exchanging.view.id).step).toBe('exchanging');
    flows.step(exchanging, 'stored', { installId: 'inst_1' });
    expect(flows.step(exchanging, 'failed').step).toBe('stored');
    expect(views.map((v) => `${v.id}:${v.step}`)).toEqual(['flow_w:started', 'flow_w:cancelled', 'flow_x:started', 'flow_x:exchanging', 'flow_x:stored']);
  });

  it('times out with FLOW_TIMEOUT and a hint, and forgets the state', async () => {
    const { flows } = manager();
    const record = create(flows, 't', 20);
    const view = await record.finished;
    expect(view.step).toBe('failed');
    expect(view.error?.code).toBe('FLOW_TIMEOUT');
    expect(view.error?.hint).toBeTruthy();
    expect(flows.claim('t')).toBeNull();
  });

  it('unknown flow ids → FLOW_NOT_FOUND', () => {
    expect(() => manager().flows.get('flow_nope')).toThrow(expect.objectContaining({ code: 'FLOW_NOT_FOUND' }));
  });
});

describe('install status', () => {
  const base: StoredInstall = {
    id: 'inst_1', appId: 'app_1', accountId: 'acc_1', accessToken: 'opaque-access-token-value-123', refreshToken: null, idToken: null, tokenType: 'Bearer',
    requestedScopes: [], grantedScopes: [], obtainedAt: '2026-01-01T00:00:00.000Z', refreshedAt: null, expiresAt: '2026-01-02T00:00:00.000Z',
    expirySource: 'assumed-24h', expiresInAnswered: 0, revokedAt: null, failing: false, lastError: null, checks: [], user: null,
  };
  const before = Date.UTC(2026, 0, 1, 12);
  const after = Date.UTC(2026, 0, 3);

  it('revoked, then failing, then expired, then active', () => {
    expect(installStatus(base, before)).toBe('active');
    expect(installStatus(base, after)).toBe('expired');
    expect(installStatus({ ...base, failing: true }, before)).toBe('failing');
    expect(installStatus({ ...base, failing: true, revokedAt: '2026-01-01T01:00:00.000Z' }, before)).toBe('revoked');
  });

  it('the detail view holds no raw token', () => {
    const detail = toInstallDetail({ ...base, refreshToken: 'refresh-token-value-abcdef' }, before);
    const text = JSON.stringify(detail);
    expect(text).not.toContain(base.accessToken);
    expect(text).not.toContain('refresh-token-value-abcdef');
    expect(detail.hasRefreshToken).toBe(true);
    expect(detail.accessTokenJwt).toBeNull();
  });
});
