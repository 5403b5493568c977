// The lean path of `gorgias-workbench token --app A --account B`: scripts call it once per request,
// so its cost is the process's start-up. When the install's access token is still valid for
// --min-valid, the answer needs only the vault's files (vault-peek.ts): no commander, no contract
// schemas, no backend. This answers the same line (or JSON) the full command prints, or null
// whenever anything else could happen — another command or option, --help, a refresh due, a name
// that does not resolve to exactly one install, a vault that needs setting up, a prompt, a wrong
// passphrase, anything to repair or report — and cli.ts then runs the full CLI, which does it
// exactly as before. It prints nothing and writes nothing itself.
import { peekVault } from '../backend/vault/vault-peek';
import type { StoredAccount, StoredApp } from '../backend/vault/vault-types';
import { resolveDataDir } from './data-dir';
import { parseDuration } from './duration';
import { findAccount, findApp, findInstall } from './names';
import { sandboxPortFrom } from './sandbox-port';

interface LeanOptions {
  dataDir?: string;
  app?: string;
  account?: string;
  user?: string;
  minValid: string;
  json: boolean;
}

const ROOT_VALUES = { '--data-dir': 'dataDir' } as const;
const ROOT_FLAGS = new Set(['--accept-weak-protection']);
const TOKEN_VALUES = { '--app': 'app', '--account': 'account', '--user': 'user', '--min-valid': 'minValid' } as const;

/**
 * Only the plain forms commander reads the same way: `[root options] token [token options]`, each
 * option once, `--name value` or `--name=value`, no value that looks like an option. Anything else
 * (including options commander would reject) is null: the full CLI parses it.
 */
export function parseLeanTokenArgs(args: readonly string[]): LeanOptions | null {
  const options: LeanOptions = { minValid: '5m', json: false };
  const seen = new Set<string>();
  let inToken = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (!inToken && arg === 'token') {
      inToken = true;
      continue;
    }
    if (!arg.startsWith('--')) return null;
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    if (seen.has(name)) return null;
    seen.add(name);
    const values: Record<string, keyof LeanOptions> = inToken ? TOKEN_VALUES : ROOT_VALUES;
    const key = Object.hasOwn(values, name) ? values[name] : undefined;
    if (key) {
      const value = equals < 0 ? args[(index += 1)] : arg.slice(equals + 1);
      if (value === undefined || value === '' || value.startsWith('-')) return null;
      (options as unknown as Record<string, string>)[key] = value;
      continue;
    }
    if (equals >= 0) return null;
    if (inToken && name === '--json') options.json = true;
    else if (!(!inToken && ROOT_FLAGS.has(name))) return null;
  }
  return inToken && options.app && options.account ? options : null;
}

export interface LeanAnswer {
  /** Exactly what the full command writes to stdout. */
  stdout: string;
}

export async function leanToken(args: readonly string[], env: NodeJS.ProcessEnv, now: () => number = Date.now): Promise<LeanAnswer | null> {
  const options = parseLeanTokenArgs(args);
  if (!options) return null;
  let minValidMs: number;
  try {
    minValidMs = parseDuration(options.minValid);
    // The full path refuses a bad WORKBENCH_SANDBOX_PORT before anything else (session.ts).
    sandboxPortFrom(env.WORKBENCH_SANDBOX_PORT);
  } catch {
    return null;
  }
  const passphrase = env.WORKBENCH_PASSPHRASE;
  // The names are resolved against the vault's apps and accounts before any install file is read,
  // so a large vault decrypts only that pair's installs. Unknown or ambiguous names: null, and the
  // full path prints the same error with its exit code.
  const chosen: { app?: StoredApp; account?: StoredAccount } = {};
  const select = (apps: StoredApp[], accounts: StoredAccount[]) => {
    try {
      chosen.app = findApp(apps, options.app!);
      chosen.account = findAccount(accounts, options.account!);
      return { appId: chosen.app.id, accountId: chosen.account.id };
    } catch {
      return null;
    }
  };
  const vault = await peekVault(resolveDataDir(options.dataDir, env), { ...(passphrase ? { passphrase } : {}), now: new Date(now()), select });
  const { app, account } = chosen;
  if (!vault || !app || !account) return null;
  let install;
  try {
    install = findInstall(vault.installs, app, account, options.user);
  } catch {
    return null;
  }
  // The same test as commands/token.ts: a refresh due goes the full way (single flight, activity, checks).
  const expiresAt = install.expiresAt ? Date.parse(install.expiresAt) : null;
  if (expiresAt !== null && expiresAt - now() < minValidMs) return null;
  if (typeof install.accessToken !== 'string' || install.accessToken.length === 0) return null;
  const answer = { accessToken: install.accessToken, expiresAt: install.expiresAt, refreshed: false, installId: install.id };
  return { stdout: `${options.json ? JSON.stringify(answer, null, 2) : answer.accessToken}\n` };
}
