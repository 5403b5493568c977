// Opens a URL in the user's system browser, only when the external-URL policy allows it. The backend
// checks too; this is the last gate right before the OS sees the URL.
import type { Shell } from 'electron';
import type { BrowserOpener } from '../../backend/ports';
import { isAllowedExternalUrl } from '../../backend/system/external-url-policy';

export class ExternalUrlRefusedError extends Error {
  constructor() {
    super('This address is not on the list of pages the workbench may open.');
    this.name = 'ExternalUrlRefusedError';
  }
}

export function createShellBrowserOpener(shell: Pick<Shell, 'openExternal'>, extraHosts: () => readonly string[]): BrowserOpener {
  return async (url) => {
    if (!isAllowedExternalUrl(url, { extraHosts: extraHosts() })) throw new ExternalUrlRefusedError();
    await shell.openExternal(url, { activate: true });
  };
}
