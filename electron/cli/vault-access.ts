// Getting the vault open from Node: a passphrase (WORKBENCH_PASSPHRASE, or a hidden prompt on a
// terminal, asked twice when the vault is new), or the weak mode when the user says so explicitly
// (--accept-weak-protection, the same consent the app asks for). A vault whose key the app put in the
// OS keychain cannot be opened here; the message says plainly what to do instead.
import type { VaultStatus } from '../common/model';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';
import { canPrompt, promptHidden } from './secret-prompt';

export type Call = <T>(method: string, input?: unknown) => Promise<T>;

export interface VaultAccessOptions {
  acceptWeakProtection: boolean;
  env: NodeJS.ProcessEnv;
  io: CliIo;
  /** True when running inside the Electron binary (the OS keychain is reachable). */
  insideElectron: boolean;
}

const WEAK_WARNING =
  'Weak protection: the vault key is stored next to the vault, readable by anything running as you. Use it only for throw-away data.';

export function osKeychainMessage(status: VaultStatus): string {
  return [
    `This vault (${status.dataDir}) keeps its key in the OS keychain, which only the Electron app can reach.`,
    'Two ways out:',
    '  1. run the same command inside the app\'s binary, e.g.  npx electron . --cli token --app … --account …',
    '     (the installed app: "Gorgias OAuth Workbench" --cli <command>), or',
    '  2. in the app, switch the vault to a passphrase (Vault settings > "Protect with a passphrase"), then set WORKBENCH_PASSPHRASE here.',
  ].join('\n');
}

async function askPassphrase(options: VaultAccessOptions, creating: boolean): Promise<string | null> {
  const fromEnv = options.env.WORKBENCH_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv.length > 0) return fromEnv;
  if (!canPrompt()) return null;
  const first = await promptHidden(creating ? 'New vault passphrase (at least 8 characters): ' : 'Vault passphrase: ');
  if (!creating) return first;
  const second = await promptHidden('Repeat the passphrase: ');
  if (first !== second) throw new CliError('INVALID_ARGUMENT', 'The two passphrases differ; nothing was created.', EXIT.USAGE);
  return first;
}

export async function ensureVaultReady(call: Call, options: VaultAccessOptions): Promise<void> {
  const status = await call<VaultStatus>('vault.status');
  if (status.state === 'ready') return;
  if (status.state === 'locked') {
    if (status.protection === 'os' && !options.insideElectron) throw new CliError('VAULT_LOCKED', osKeychainMessage(status), EXIT.VAULT);
    if (status.protection !== 'passphrase') throw new CliError('VAULT_LOCKED', status.problem ?? 'The vault is locked.', EXIT.VAULT);
    const passphrase = await askPassphrase(options, false);
    if (passphrase === null) {
      throw new CliError('VAULT_LOCKED', 'The vault is locked: set WORKBENCH_PASSPHRASE, or run the command in a terminal to be asked for the passphrase.', EXIT.VAULT);
    }
    await call('vault.unlock', { passphrase });
    return;
  }
  // needs-setup: a new vault (or one whose OS protection is gone).
  if (options.acceptWeakProtection) {
    options.io.err(WEAK_WARNING);
    await call('vault.acceptWeakProtection');
    return;
  }
  const passphrase = await askPassphrase(options, true);
  if (passphrase === null) {
    throw new CliError(
      'VAULT_SETUP_REQUIRED',
      `There is no vault in ${status.dataDir} yet. Create one with a passphrase (set WORKBENCH_PASSPHRASE, or run in a terminal to be asked), or pass --accept-weak-protection.`,
      EXIT.VAULT,
    );
  }
  await call('vault.setPassphrase', { passphrase });
  options.io.err(`Created a vault protected by your passphrase in ${status.dataDir}.`);
}
