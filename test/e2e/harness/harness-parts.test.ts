// The harness's own pieces, in Node: the static server answers only files of dist/renderer and
// sends the CSP, the IPC handler refuses foreign senders and unknown channels, and the preload
// wrapper refuses any require but 'electron'. The whole harness is exercised in test/e2e/spine/.
import { runInNewContext } from 'node:vm';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../electron/common/content-security-policy';
import { INVOKE_CHANNEL } from '../../../electron/common/ipc-channels';
import type { Result } from '../../../electron/common/errors';
import { createIpcHandler } from './ipc-handler';
import { INVOKE_BINDING, preloadInitScript } from './preload-shim';
import { resolveInside, startStaticServer, type StaticServer } from './static-server';

describe('static server', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    const parent = await mkdtemp(join(tmpdir(), 'workbench-static-'));
    root = join(parent, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><p>hi</p>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(parent, 'secret.txt'), 'outside the renderer folder');
    server = await startStaticServer(root);
  });
  afterAll(async () => {
    await server.close();
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('serves files of the folder with their content type and the CSP header', async () => {
    const response = await fetch(`${server.baseUrl}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    const index = await fetch(`${server.baseUrl}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<p>hi</p>');
  });

  it('answers nothing outside the folder, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/missing.js', '/assets']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('outside the renderer folder');
    }
    expect(resolveInside(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/a%00b')).toBeNull();
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${server.baseUrl}/index.html`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe("IPC handler (main's own registration over the harness transport)", () => {
  const rendererUrl = 'http://127.0.0.1:4000/index.html';
  const ours = { fromOurPage: true, isMainFrame: true, url: rendererUrl, mainFrameUrl: rendererUrl };
  const setup = () => {
    const dispatched: Array<{ method: unknown; input: unknown }> = [];
    const recorded: Array<{ method: string; result: Result<unknown> }> = [];
    const handle = createIpcHandler({
      rendererUrl,
      dispatch: async (method, input) => {
        dispatched.push({ method, input });
        return { ok: true, value: 'answer' };
      },
      record: (method, result) => recorded.push({ method, result }),
    });
    return { handle, dispatched, recorded };
  };

  it('passes a call from our main frame to the dispatcher and records the Result', async () => {
    const { handle, dispatched, recorded } = setup();
    const url = `${rendererUrl}#/apps`;
    await expect(handle({ ...ours, url, mainFrameUrl: url }, INVOKE_CHANNEL, 'apps.list', undefined)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(dispatched).toEqual([{ method: 'apps.list', input: undefined }]);
    expect(recorded).toEqual([{ method: 'apps.list', result: { ok: true, value: 'answer' } }]);
  });

  it('refuses a sub-frame, another page, another origin and another file with FORBIDDEN_SENDER', async () => {
    const { handle, dispatched } = setup();
    const senders = [
      { ...ours, isMainFrame: false },
      { ...ours, fromOurPage: false },
      ...['http://127.0.0.1:4001/index.html', 'http://localhost:4000/index.html', 'http://127.0.0.1:4000/other.html', 'about:blank'].map((url) => ({
        ...ours,
        url,
        mainFrameUrl: url,
      })),
    ];
    for (const sender of senders) {
      const result = await handle(sender, INVOKE_CHANNEL, 'apps.list', undefined);
      expect(result.ok ? null : result.error.code, JSON.stringify(sender)).toBe('FORBIDDEN_SENDER');
    }
    expect(dispatched).toEqual([]);
  });

  it('answers no other channel, as Electron leaves an unhandled channel unanswered', async () => {
    const { handle, dispatched } = setup();
    for (const channel of ['workbench:apps.list', 'apps.list', 'workbench:event', 42, null]) {
      await expect(handle(ours, channel, 'apps.list', undefined), String(channel)).rejects.toThrow('No handler registered');
    }
    expect(dispatched).toEqual([]);
  });
});

describe('preload wrapper', () => {
  // Runs the init script in a bare V8 context standing in for a page's window.
  const run = (preloadSource: string) => {
    const calls: unknown[][] = [];
    const window: Record<string, unknown> = { [INVOKE_BINDING]: (...args: unknown[]) => calls.push(args) };
    runInNewContext(preloadInitScript(preloadSource), window);
    return { window, calls };
  };

  it('gives the preload an electron module whose invoke reaches the binding, then hides the binding', () => {
    const { window, calls } = run(`const { contextBridge, ipcRenderer } = require('electron');
      contextBridge.exposeInMainWorld('probe', { call: (x) => ipcRenderer.invoke('workbench:apps.list', x) });`);
    const probe = window.probe as { call: (x: unknown) => unknown };
    probe.call(7);
    expect(calls).toEqual([['workbench:apps.list', 7]]);
    expect(INVOKE_BINDING in window).toBe(false);
    expect(Object.isFrozen(probe)).toBe(true);
    expect('require' in window).toBe(false);
  });

  it('throws when the preload requires anything but electron', () => {
    expect(() => run(`require('fs')`)).toThrow('The preload may only require "electron", not "fs".');
  });
});
