// The tools through the whole backend as the app wires it (real vault files in a temp folder, the
// seeded Demo app and Local sandbox) and through main's dispatcher, which checks every input against
// the contract's schemas before the backend sees it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createDispatcher } from '../../../electron/backend/dispatch/dispatcher';
import type { FlowView } from '../../../electron/common/model';
import { createRecordingPorts, type RecordingPorts } from '../../fakes/recording-ports';
import { consentInSandbox } from '../../fakes/sandbox-browser';

let dataDir: string;
let backend: Backend;
let recording: RecordingPorts;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-tools-'));
  recording = createRecordingPorts();
  backend = await createBackend({ dataDir, ports: recording.ports, sandboxPort: 0, appVersion: '1.2.3' });
});

afterEach(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function connectDemo(): Promise<string> {
  const [app] = await backend['apps.list'](undefined);
  const [account] = await backend['accounts.list'](undefined);
  const flow = await backend['flows.start']({ appId: app!.id, accountId: account!.id });
  const done = new Promise<FlowView>((resolve) => {
    const off = backend.subscribe((event, payload) => {
      const view = payload as FlowView;
      if (event === 'flow.progress' && view.id === flow.id && (view.step === 'stored' || view.step === 'failed')) {
        off();
        resolve(view);
      }
    });
  });
  await consentInSandbox(flow.authorizeUrl);
  const finished = await done;
  expect(finished.step).toBe('stored');
  return finished.installId!;
}

it('the console, a run, diagnostics, HAR and export work on the seeded Demo app install', async () => {
  const installId = await connectDemo();
  const dispatch = createDispatcher(backend);

  const sent = await dispatch('api.send', { installId, method: 'GET', path: '/api/users/0', query: [], headers: [], body: null });
  expect(sent.ok).toBe(true);
  expect((sent as { value: { status: number } }).value.status).toBe(200);

  const run = await backend['runs.across']({ installIds: [installId], request: { method: 'GET', path: '/api/tickets', query: [], headers: [], body: null } });
  expect(run.results[0]!.status).toBe(200);

  const diagnostics = await backend['diagnostics.run']({ installId });
  expect(diagnostics.overall).toBe('pass');

  const { har } = await backend['activity.exportHar']({ filter: {} });
  expect(JSON.parse(har).log.creator.version).toBe('1.2.3');
  const data = backend.vault.data();
  const secrets = [...data.apps.map((a) => a.clientSecret), ...data.installs.flatMap((i) => [i.accessToken, i.refreshToken ?? '', i.idToken ?? ''])].filter((s) => s.length > 0);
  expect(secrets.length).toBeGreaterThanOrEqual(4);
  for (const secret of secrets) expect(har).not.toContain(secret);

  const exported = await backend['transfer.export']({ includeSecrets: false });
  const preview = await backend['transfer.preview']({ text: exported.text });
  expect(preview.counts).toEqual({ new: 0, updated: 0, unchanged: 2 });
});

it('main refuses malformed tool inputs before the backend sees them', async () => {
  const dispatch = createDispatcher(backend);
  const bad = [
    ['api.send', { installId: 'x', method: 'TRACE', path: '/api/account', query: [], headers: [], body: null }],
    ['api.send', { installId: 'x', method: 'GET', path: '/api/account', query: [], headers: [], body: null, extra: 1 }],
    ['api.responseLines', { responseId: 'r', start: -1, count: 10 }],
    ['api.responseLines', { responseId: 'r', start: 0, count: 100_000 }],
    ['runs.across', { installIds: [], request: { method: 'GET', path: '/api/account', query: [], headers: [], body: null } }],
    ['inspector.inspect', { token: 'x'.repeat(100_001) }],
    ['transfer.preview', { text: '' }],
  ] as const;
  for (const [method, input] of bad) {
    const result = await dispatch(method, input);
    expect(result, method).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  }
  const unknown = await dispatch('api.send', { installId: 'inst_none', method: 'GET', path: '/api/account', query: [], headers: [], body: null });
  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
