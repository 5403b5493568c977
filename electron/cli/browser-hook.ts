// How `connect` opens the user's browser. WORKBENCH_BROWSER names a command (split on spaces, no
// shell) that receives the URL as its last argument: CI and the tests point it at a script that
// follows the authorize URL and approves. Without it, the OS's opener (open / xdg-open / start).
import { spawn } from 'node:child_process';
import type { BrowserOpener } from '../backend/ports';

export function osOpenerCommand(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') return ['open'];
  // Not `cmd /c start`: cmd would split the URL at its "&"s.
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler'];
  return ['xdg-open'];
}

export function browserCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const hook = env.WORKBENCH_BROWSER?.trim();
  return hook ? hook.split(/\s+/) : osOpenerCommand();
}

export function createBrowserOpener(options: { open: boolean; onOpenFailed(message: string): void }): BrowserOpener {
  return async (url) => {
    if (!options.open) return;
    const [command, ...args] = browserCommand();
    await new Promise<void>((resolve) => {
      const child = spawn(command!, [...args, url], { stdio: ['ignore', 'ignore', 'inherit'], detached: false });
      child.once('error', (error) => {
        options.onOpenFailed(`Could not start "${command}" (${(error as NodeJS.ErrnoException).code ?? error.name}): open the URL yourself.`);
        resolve();
      });
      child.once('spawn', () => resolve());
    });
  };
}
