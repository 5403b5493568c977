// Copied secrets leave the clipboard after the delay the user is told (settings.clipboardClearSeconds,
// default 30 s, null = never), only if the clipboard still holds what was copied, and are written as
// concealed from clipboard history. Driven with the recording clipboard and a controllable timer.
import { afterEach, describe, expect, it } from 'vitest';
import { clipboardClearSeconds, copiedMessage, createSecretClipboard, DEFAULT_CLIPBOARD_CLEAR_SECONDS } from '../../../electron/backend/system/secret-clipboard';
import { concealedFormats, createClipboardPort } from '../../../electron/main/adapters/clipboard';
import { createRecordingPorts } from '../../fakes/recording-ports';
import { startWorld, type World } from '../../hardening/support/world';

/** Timers that run only when the test moves time on. */
function manualTimers() {
  let now = 0;
  const due: { at: number; run: () => void; cancelled: boolean }[] = [];
  return {
    schedule(ms: number, run: () => void) {
      const timer = { at: now + ms, run, cancelled: false };
      due.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    /** Moves time on by `ms`, running what falls due, and lets their async work settle. */
    async advance(ms: number) {
      now += ms;
      for (const timer of due.filter((t) => !t.cancelled && t.at <= now)) {
        timer.cancelled = true;
        timer.run();
      }
      await new Promise((resolve) => setImmediate(resolve));
    },
    pending: () => due.filter((t) => !t.cancelled).length,
  };
}

const settingsVault = (settings: Record<string, unknown>) => ({ status: () => ({ state: 'ready' }) as never, data: () => ({ settings }) as never });

describe('the secret clipboard', () => {
  it('clears after the default 30 s, not before, and only what it wrote', async () => {
    const timers = manualTimers();
    const recording = createRecordingPorts();
    const secrets = createSecretClipboard({ clipboard: recording.ports.clipboard, clearSeconds: () => clipboardClearSeconds(settingsVault({ seeded: true })), schedule: timers.schedule });
    expect(await secrets.copySecret('refresh-token-value-1')).toEqual({ clearsInSeconds: DEFAULT_CLIPBOARD_CLEAR_SECONDS });
    expect(recording.concealed).toEqual(['refresh-token-value-1']);
    await timers.advance(29_999);
    expect(recording.clipboardNow.text).toBe('refresh-token-value-1');
    await timers.advance(1);
    expect(recording.clipboardNow.text).toBe('');

    // The user copied something else meanwhile: it is theirs, and stays.
    await secrets.copySecret('refresh-token-value-2');
    recording.clipboardNow.text = 'a note the user copied';
    await timers.advance(30_000);
    expect(recording.clipboardNow.text).toBe('a note the user copied');
  });

  it('a second copy restarts the delay; the user\'s setting (seconds or never) is followed', async () => {
    const timers = manualTimers();
    const recording = createRecordingPorts();
    let setting: unknown = 5;
    const secrets = createSecretClipboard({ clipboard: recording.ports.clipboard, clearSeconds: () => clipboardClearSeconds(settingsVault({ clipboardClearSeconds: setting })), schedule: timers.schedule });
    expect(await secrets.copySecret('first-secret-value')).toEqual({ clearsInSeconds: 5 });
    await timers.advance(4_000);
    await secrets.copySecret('second-secret-value');
    expect(timers.pending()).toBe(1);
    await timers.advance(4_000);
    expect(recording.clipboardNow.text).toBe('second-secret-value');
    await timers.advance(1_000);
    expect(recording.clipboardNow.text).toBe('');

    setting = null;
    expect(await secrets.copySecret('kept-secret-value')).toEqual({ clearsInSeconds: null });
    expect(timers.pending()).toBe(0);
    await timers.advance(3_600_000);
    expect(recording.clipboardNow.text).toBe('kept-secret-value');
    // Garbage in the setting means the default, never "keep forever".
    setting = 'soon';
    expect(await secrets.copySecret('third-secret-value')).toEqual({ clearsInSeconds: 30 });
    expect(copiedMessage('access token', 30)).toBe('Access token copied — cleared from the clipboard in 30 s.');
  });
});

describe('through the backend', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  it('installs.copy says when the token leaves the clipboard, and it does; system.copyText treats a token as a secret', async () => {
    const timers = manualTimers();
    world = await startWorld({ schedule: timers.schedule });
    const app = await world.createApp();
    const account = await world.createSandboxAccount('clippy');
    const install = await world.connect(app.id, account.id);
    const token = world.storedInstalls()[0]!.accessToken;

    await world.must('installs.copy', { id: install.id, token: 'access' });
    expect(world.recording.clipboardNow.text).toBe(token);
    expect(world.recording.concealed).toEqual([token]);
    const notice = world.events.filter((e) => e.event === 'notice').at(-1)?.payload as { message: string };
    expect(notice.message).toBe('Access token copied — cleared from the clipboard in 30 s.');
    await timers.advance(30_000);
    expect(world.recording.clipboardNow.text).toBe('');

    // A redirect URL is not a secret: copied plainly, never cleared.
    expect(await world.must('system.copyText', { text: 'http://127.0.0.1:8765/callback' })).toEqual({ clearsInSeconds: null });
    // A token pasted through the plain copy is still a secret.
    expect(await world.must('system.copyText', { text: `Bearer ${token}` })).toEqual({ clearsInSeconds: 30 });
    expect(world.recording.concealed).toEqual([token, `Bearer ${token}`]);
    await timers.advance(30_000);
    expect(world.recording.clipboardNow.text).toBe('');
  });
});

describe('the Electron adapter', () => {
  function fakeElectronClipboard() {
    const writes: Record<string, unknown>[] = [];
    let text = '';
    return {
      writes,
      clipboard: {
        async writeText(value: string) {
          text = value;
        },
        readText: async () => text,
        clear() {
          text = '';
        },
        async write(items: { entries: Record<string, unknown> }[]) {
          for (const item of items) writes.push(item.entries);
          text = String(items[0]?.entries['text/plain'] ?? '');
        },
      },
    };
  }

  it('writes a secret with the text and the platform\'s concealed markers in one item', async () => {
    for (const [platform, markers] of [
      ['darwin', ['electron application/osclipboard;format="org.nspasteboard.ConcealedType"']],
      ['win32', ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard'].map((f) => `electron application/osclipboard;format="${f}"`)],
      ['linux', ['electron application/osclipboard;format="x-kde-passwordManagerHint"']],
    ] as const) {
      const fake = fakeElectronClipboard();
      const port = createClipboardPort(fake.clipboard as never, { platform, makeItem: (entries) => ({ entries }) as never });
      await port.writeSecret!('the-secret-token');
      expect(fake.writes).toHaveLength(1);
      expect(Object.keys(fake.writes[0]!).sort()).toEqual(['text/plain', ...markers].sort());
      expect(await port.readText!()).toBe('the-secret-token');
      await port.clear!();
      expect(await port.readText!()).toBe('');
    }
    const win = concealedFormats('win32');
    expect(new Uint8Array(await win['electron application/osclipboard;format="CanIncludeInClipboardHistory"']!.arrayBuffer())).toEqual(new Uint8Array(4));
  });
});
