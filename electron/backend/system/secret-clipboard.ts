// Secrets copied by main (installs.copy, system.copyText when the text holds a secret) do not stay on
// the clipboard: after a delay the user sees ("cleared from the clipboard in 30 s") and can change
// (settings.clipboardClearSeconds, null = never), the clipboard is cleared — only if it still holds
// what we wrote, so something the user copied since is never lost. Where the platform allows, the
// adapter also marks the copy as concealed from clipboard history (see main/adapters/clipboard.ts).
import type { ClipboardPort } from '../ports';
import type { Vault } from '../vault/vault-types';

export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

/** Schedules `run` after `ms`; returns the cancel. Tests pass a controllable one. */
export type Schedule = (ms: number, run: () => void) => () => void;

export const realSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms);
  // A pending clear must not keep the process alive at quit.
  timer.unref?.();
  return () => clearTimeout(timer);
};

/**
 * The setting, read defensively: the vault's settings may not carry it yet (an older store), and a
 * locked vault has none to read. Anything but a non-negative integer or null means the default.
 */
export function clipboardClearSeconds(vault: Pick<Vault, 'status' | 'data'>): number | null {
  if (vault.status().state !== 'ready') return DEFAULT_CLIPBOARD_CLEAR_SECONDS;
  const value = (vault.data().settings as { clipboardClearSeconds?: unknown }).clipboardClearSeconds;
  if (value === null) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_CLIPBOARD_CLEAR_SECONDS;
}

/** "Access token copied — cleared from the clipboard in 30 s." */
export function copiedMessage(what: string, clearsInSeconds: number | null): string {
  const subject = `${what.charAt(0).toUpperCase()}${what.slice(1)} copied`;
  return clearsInSeconds === null ? `${subject} (it stays on the clipboard).` : `${subject} — cleared from the clipboard in ${clearsInSeconds} s.`;
}

export interface SecretClipboard {
  copySecret(text: string): Promise<{ clearsInSeconds: number | null }>;
  /** Cancels a pending clear (at quit the OS keeps whatever is there). */
  dispose(): void;
}

export function createSecretClipboard(deps: { clipboard: ClipboardPort; clearSeconds: () => number | null; schedule?: Schedule }): SecretClipboard {
  const schedule = deps.schedule ?? realSchedule;
  let cancel: (() => void) | null = null;
  return {
    async copySecret(text) {
      cancel?.();
      cancel = null;
      await (deps.clipboard.writeSecret ?? deps.clipboard.writeText)(text);
      const seconds = deps.clearSeconds();
      // Without a way to read the clipboard back we could clear what the user copied since: never.
      if (seconds === null || !deps.clipboard.readText) return { clearsInSeconds: null };
      const readText = deps.clipboard.readText;
      cancel = schedule(seconds * 1000, () => {
        cancel = null;
        void (async () => {
          if ((await readText()) !== text) return;
          await (deps.clipboard.clear ?? (() => deps.clipboard.writeText('')))();
        })().catch(() => undefined);
      });
      return { clearsInSeconds: seconds };
    },
    dispose() {
      cancel?.();
      cancel = null;
    },
  };
}
