// What a newcomer does first, through the whole backend as the app wires it: the seeded Demo app,
// the seeded Local sandbox account, Connect, consent in "the browser", a working install.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { FlowView, InstallDetail } from '../../../electron/common/model';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { consentInSandbox } from '../../fakes/sandbox-browser';
import { createRecordingPorts, type RecordingPorts } from '../../fakes/recording-ports';

let dataDir: string;
let backend: Backend;
let recording: RecordingPorts;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-first-connect-'));
  recording = createRecordingPorts();
  backend = await createBackend({ dataDir, ports: recording.ports, sandboxPort: 0 });
});

afterEach(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

function waitForStep(flowId: string, steps: FlowView['step'][]): Promise<FlowView> {
  return new Promise((resolve) => {
    const off = backend.subscribe((event, payload) => {
      const flow = payload as FlowView;
      if (event === 'flow.progress' && flow.id === flowId && steps.includes(flow.step)) {
        off();
        resolve(flow);
      }
    });
  });
}

it('connects the Demo app to the Local sandbox with no account and no network', async () => {
  const [app] = await backend['apps.list'](undefined);
  const [account] = await backend['accounts.list'](undefined);
  const flow = await backend['flows.start']({ appId: app!.id, accountId: account!.id });
  expect(recording.openedUrls).toEqual([flow.authorizeUrl]);
  expect(flow.authorizeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/oauth\/authorize\?/);

  const done = waitForStep(flow.id, ['stored', 'failed']);
  const browser = await consentInSandbox(flow.authorizeUrl, { approve: true });
  expect(browser.callbackStatus).toBe(200);
  const finished = await done;
  expect(finished.error).toBeNull();
  expect(finished.step).toBe('stored');

  const installs = await backend['installs.list'](undefined);
  expect(installs).toHaveLength(1);
  const install: InstallDetail = await backend['installs.get']({ id: installs[0]!.id });
  expect(install.status).toBe('active');
  expect(install.hasRefreshToken).toBe(true);
  expect(install.tokens.access.format).toBe('jwt');
  expect(install.checks.find((check) => check.outcome === 'fail')).toBeUndefined();
  expect(install.checks.map((check) => check.id)).toEqual(expect.arrayContaining(['id_token.signature', 'id_token.nonce']));

  // The account now shows the sandbox's real address.
  const [shown] = await backend['accounts.list'](undefined);
  expect(shown!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox$/);
});

it('a denied consent fails the flow with the reason and stores nothing', async () => {
  const [app] = await backend['apps.list'](undefined);
  const [account] = await backend['accounts.list'](undefined);
  const flow = await backend['flows.start']({ appId: app!.id, accountId: account!.id });
  const done = waitForStep(flow.id, ['stored', 'failed']);
  await consentInSandbox(flow.authorizeUrl, { approve: false });
  const finished = await done;
  expect(finished.step).toBe('failed');
  expect(finished.error?.code).toBe('OAUTH_ACCESS_DENIED');
  expect(await backend['installs.list'](undefined)).toEqual([]);
});
