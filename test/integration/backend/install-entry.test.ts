// The workbench standing in as an app's "App URL": Gorgias's Connect App button sends the browser
// to `{App URL}?account={sub}`, and the flow starts for that account.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import type { InstallConfirmation } from '../../../electron/common/model';
import { createRecordingPorts } from '../../fakes/recording-ports';
import { partnerAppInput } from '../../fakes/partner-app-input';
import { navigate, nextEvent } from '../security/local-http';

let dataDir: string;
let backend: Backend;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'workbench-install-entry-'));
  backend = await createBackend({ dataDir, ports: createRecordingPorts().ports, sandboxPort: 0 });
});

afterEach(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

it('serves /oauth/install while enabled, redirecting to the account\'s authorize page', async () => {
  const app = await backend['apps.create'](partnerAppInput());
  const { url } = await backend['flows.installEntry']({ appId: app.id, enabled: true });
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/install$/);

  // A new subdomain waits for the user's yes in the workbench before any account exists.
  const asked = nextEvent<InstallConfirmation[]>((l) => backend.subscribe(l), 'flow.installConfirmations', (list) => list.length === 1);
  const pending = navigate(`${url}?account=acme`);
  const [waiting] = await asked;
  expect((await backend['accounts.list'](undefined)).some((account) => account.subdomain === 'acme')).toBe(false);
  await backend['flows.confirmInstall']({ id: waiting!.id, accept: true });
  const answer = await pending;
  expect(answer.status).toBe(302);
  const location = new URL(String(answer.headers.location));
  expect(`${location.origin}${location.pathname}`).toBe('https://acme.gorgias.com/oauth/authorize');
  expect(location.searchParams.get('client_id')).toBe('partner-client');

  // The account was created, flagged as production until the user says otherwise.
  const accounts = await backend['accounts.list'](undefined);
  expect(accounts.find((account) => account.subdomain === 'acme')).toMatchObject({ kind: 'production' });
  const flows = await backend['flows.list'](undefined);
  expect(flows.some((flow) => flow.authorizeUrl === location.toString())).toBe(true);

  const bad = await navigate(`${url}?account=acme.evil.com`);
  expect(bad.status).toBeGreaterThanOrEqual(400);

  // Turned off (and the pending flow cancelled), nothing listens any more.
  await backend['flows.cancel']({ flowId: flows[0]!.id });
  expect(await backend['flows.installEntry']({ appId: app.id, enabled: false })).toEqual({ url: null });
  await expect(navigate(`${url}?account=acme`)).rejects.toThrow();
});
