// L3 through the real product: a token endpoint that echoes the opaque refresh token (and the client
// secret) in its error_description and in a debug header. After the refused refresh, neither may
// be found anywhere but in the install's own refreshToken field: not in install.lastError as read
// back from the vault file after a restart, not in the activity log, not in the HAR, not in the
// error the renderer got.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/create-backend';
import type { InstallDetail } from '../../../electron/common/model';
import { startWorld, type World } from '../../hardening/support/world';

let world: World;
let echo: Server;
let echoOrigin: string;

beforeAll(async () => {
  world = await startWorld();
  echo = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const refreshToken = form.get('refresh_token') ?? '';
      const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const clientSecret = decodeURIComponent(basic.slice(basic.indexOf(':') + 1));
      res.writeHead(400, { 'content-type': 'application/json', 'x-debug': `rt=${refreshToken}`, 'x-echo': `secret ${clientSecret}` });
      res.end(JSON.stringify({ error: 'invalid_grant', error_description: `Refresh token ${refreshToken} is unknown for client secret ${clientSecret}.`, hint: refreshToken }));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoOrigin = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => echo?.close(resolve));
  await world?.close();
});

it('a refresh token echoed by the token endpoint leaves no trace in the vault, the activity log or the HAR', async () => {
  const clientSecret = 'ECHO-client-secret-4f9Qx2';
  const app = await world.createApp({ clientSecret });
  const account = await world.createSandboxAccount('echoing');
  const { id: installId } = await world.connect(app.id, account.id);
  const refreshToken = world.storedInstalls()[0]!.refreshToken!;
  expect(refreshToken.startsWith('eyJ')).toBe(false);

  // The account now points at the echoing server.
  await world.must('accounts.update', { id: account.id, patch: { customBaseUrl: echoOrigin } });
  const refused = await world.call('installs.refresh', { id: installId });
  expect(refused.ok).toBe(false);
  if (refused.ok) return;
  expect(refused.error.code).toBe('TOKEN_REVOKED');
  expect(refused.error.message).toContain('[redacted');
  const shown = JSON.stringify(refused);
  expect(shown).not.toContain(refreshToken);
  expect(shown).not.toContain(clientSecret);
  const detail = await world.must<InstallDetail>('installs.get', { id: installId });
  expect(detail.lastError?.message).toContain('is unknown for client secret');
  expect(JSON.stringify(detail)).not.toContain(refreshToken);

  const har = await world.must<{ har: string }>('activity.exportHar', { filter: {} });
  expect(har.har).toContain('invalid_grant');
  expect(har.har).not.toContain(refreshToken);
  expect(har.har).not.toContain(clientSecret);

  // Read back from the files, by a fresh backend over the same data folder.
  await world.backend.close();
  const reopened = await createBackend({ dataDir: world.dataDir, ports: world.recording.ports, sandboxPort: 0 });
  try {
    const stored = JSON.stringify(reopened.vault.data());
    // Exactly once: the install's own refreshToken field (the credential itself).
    expect(stored.split(refreshToken).length - 1).toBe(1);
    expect(reopened.vault.data().installs[0]!.lastError?.message).not.toContain(refreshToken);
    expect(stored.split(clientSecret).length - 1).toBe(1);
    const activity = JSON.stringify(reopened.vault.activity.list({ limit: 1000 }).entries);
    expect(activity).toContain('invalid_grant');
    expect(activity).not.toContain(refreshToken);
    expect(activity).not.toContain(clientSecret);
  } finally {
    await reopened.close();
  }
});
