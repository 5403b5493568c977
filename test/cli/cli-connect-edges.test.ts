// `connect` off the happy path, with the built CLI as a child process against `sandbox serve`:
// paste mode (the landed URL typed into stdin), Ctrl+C while waiting (cancelled, nothing stored),
// and the sandbox going away between the consent and the code exchange (exit 4, nothing stored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInSandbox } from '../fakes/sandbox-browser';
import { APPROVING_BROWSER, runCli, spawnCli, tempDataDir, waitForOutput, type CliOptions } from './cli-process';
import { serveSandbox, type ServedSandbox } from './sandbox-serve-process';
import { withVault } from './vault-setup';

const PASSPHRASE = 'correct horse battery';
const PASTE_URL = 'https://partner.example/oauth/callback';
let data: Awaited<ReturnType<typeof tempDataDir>>;
let sandbox: ServedSandbox;

const env = (extra: Record<string, string> = {}) => ({ WORKBENCH_DATA_DIR: data.dir, WORKBENCH_PASSPHRASE: PASSPHRASE, WORKBENCH_BROWSER: APPROVING_BROWSER, ...extra });
const cli = (args: string[], options: CliOptions = {}) => runCli(args, { ...options, env: { ...env(), ...options.env } });
const installCount = async () => (JSON.parse((await cli(['installs', 'list', '--json'])).stdout) as unknown[]).length;

beforeAll(async () => {
  data = await tempDataDir();
  sandbox = await serveSandbox(['--accounts', 'acme', '--redirect-uri', 'http://127.0.0.1/callback', '--redirect-uri', PASTE_URL]);
  await withVault(data.dir, PASSPHRASE, async (backend) => {
    await backend['accounts.create']({ subdomain: 'acme', label: 'Acme staging', kind: 'sandbox', notes: '', customBaseUrl: sandbox.accounts[0]!.baseUrl });
    const app = { clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret, scopes: sandbox.client.scopes, clientAuth: 'basic' as const, pkce: true };
    await backend['apps.create']({ ...app, name: 'Loopback app', redirect: { mode: 'loopback', port: 0, path: '/callback', relayUrl: '', pasteUrl: '', includeAccountParam: false } });
    await backend['apps.create']({ ...app, name: 'Paste app', redirect: { mode: 'paste', port: 0, path: '/callback', relayUrl: '', pasteUrl: PASTE_URL, includeAccountParam: false } });
  });
});
afterAll(async () => {
  await sandbox?.stop();
  await data.remove();
});

describe('connect, off the happy path', () => {
  it('paste mode: the URL the browser landed on, typed into stdin, finishes the flow', async () => {
    const child = spawnCli(['connect', '--app', 'Paste app', '--account', 'acme', '--mode', 'paste'], { env: env(), keepStdin: true });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const shown = await waitForOutput(child.stderr!, /waiting for the URL the browser landed on/);
    const authorizeUrl = /Sign-in URL[^\n]*\n\s+(\S+)/.exec(shown)![1]!;
    const { redirectedTo } = await consentInSandbox(authorizeUrl);
    expect(redirectedTo.startsWith(`${PASTE_URL}?code=`)).toBe(true);
    child.stdin!.end(`${redirectedTo}\n`);
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^inst_\w+\n$/);
    // A paste-mode app has no loopback listener to fall back on: --mode loopback is a usage error.
    const wrongMode = await cli(['connect', '--app', 'Paste app', '--account', 'acme', '--mode', 'loopback']);
    expect(wrongMode.code).toBe(2);
    expect(wrongMode.stderr).toContain('set up for paste redirects');
  });

  it('--mode paste on a loopback app: this one flow is pasted (the app keeps its mode), and it installs', async () => {
    const before = await installCount();
    const child = spawnCli(['connect', '--app', 'Loopback app', '--account', 'acme', '--mode', 'paste', '--no-open'], { env: env(), keepStdin: true });
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const shown = await waitForOutput(child.stderr!, /waiting for the URL the browser landed on/);
    const authorizeUrl = /Sign-in URL[^\n]*\n\s+(\S+)/.exec(shown)![1]!;
    // The redirect registered for the app's own mode: port 0 sends the port-less loopback URL.
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe('http://127.0.0.1/callback');
    // Nothing listens there: the browser shows an error page, and the person copies its address.
    const { redirectedTo } = await consentInSandbox(authorizeUrl, { followCallback: false });
    expect(redirectedTo.startsWith('http://127.0.0.1/callback?code=')).toBe(true);
    child.stdin!.end(`${redirectedTo}\n`);
    expect(await exited).toBe(0);
    const installId = /^(inst_\w+)\n$/.exec(stdout)![1]!;
    expect(await installCount()).toBe(before + 1);
    const token = await cli(['token', '--app', 'Loopback app', '--account', 'acme', '--user', installId]);
    expect(token.code).toBe(0);
    expect(token.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const apps = JSON.parse((await cli(['apps', 'list', '--json'])).stdout) as { name: string; redirect: { mode: string; pasteUrl: string } }[];
    expect(apps.find((app) => app.name === 'Loopback app')!.redirect).toMatchObject({ mode: 'loopback', pasteUrl: '' });
  });

  it('Ctrl+C while waiting for the browser cancels the flow: exit 130, nothing stored', async () => {
    const before = await installCount();
    // A "browser" that never comes back.
    const child = spawnCli(['connect', '--app', 'Loopback app', '--account', 'acme'], { env: env({ WORKBENCH_BROWSER: `${process.execPath} -e 0` }) });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = await waitForOutput(child.stderr!, /waiting for the browser to come back/);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('error [FLOW_CANCELLED]: Cancelled: nothing was stored.');
    expect(await installCount()).toBe(before);
  });

  it('the sandbox gone between consent and code exchange: exit 4, nothing stored', async () => {
    const before = await installCount();
    const run = await cli(['connect', '--app', 'Loopback app', '--account', 'acme'], { env: { APPROVING_BROWSER_KILL: String(sandbox.child.pid) } });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/error \[NETWORK_CONNECTION\]/);
    expect(run.stdout).toBe('');
    expect(await installCount()).toBe(before);
  });
});
