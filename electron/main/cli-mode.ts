// `electron . --cli <command> …` (or the installed app with --cli): runs one CLI command inside the
// Electron binary, with no window, and exits, as `code --list-extensions` does. Its point is the OS
// keychain: safeStorage exists only here, so a vault whose key the app protected with it opens.
// Takes Electron's objects by parameter: only main.ts imports `electron`.
import { runCli } from '../cli/run-cli';
import type { KeyProtector, StoreFactory } from '../backend/ports';

export const CLI_FLAG = '--cli';

/** The CLI arguments when main was started with --cli, else null. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  return at < 0 ? null : argv.slice(at + 1);
}

export interface CliModeDeps {
  app: { whenReady(): Promise<unknown>; getVersion(): string; getPath(name: 'userData'): string; exit(code: number): void };
  keyProtector: KeyProtector;
  storeFactory: StoreFactory;
}

export async function runCliMode(args: string[], deps: CliModeDeps): Promise<number> {
  await deps.app.whenReady();
  const env = { ...process.env };
  // The app's own data folder, unless the user named another.
  env.WORKBENCH_DATA_DIR ??= deps.app.getPath('userData');
  let code: number;
  try {
    code = await runCli({ args, version: deps.app.getVersion(), env, keyProtector: deps.keyProtector, storeFactory: deps.storeFactory });
  } catch {
    code = 1;
  }
  deps.app.exit(code);
  return code;
}
