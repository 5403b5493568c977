// One CLI command's session: the real backend on the data folder, reached only through the same
// dispatcher as the app's IPC (schemas, Result envelopes). `call` unwraps a Result or throws a
// CliError carrying the contract's stable code.
import { createBackend, type Backend } from '../backend/create-backend';
import { createDispatcher } from '../backend/dispatch/dispatcher';
import type { KeyProtector, StoreFactory } from '../backend/ports';
import { CliError } from './cli-error';
import { createBrowserOpener } from './browser-hook';
import type { CliIo } from './io';
import { nodeKeyProtector } from './node-key-protector';
import { sandboxPortFrom } from './sandbox-port';
import { ensureVaultReady, type Call } from './vault-access';

export interface GlobalOptions {
  dataDir: string;
  acceptWeakProtection: boolean;
}

export interface SessionEnvironment {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  version: string;
  /** Electron's safeStorage protector when the CLI runs inside the app's binary. */
  keyProtector?: KeyProtector;
  storeFactory?: StoreFactory;
}

export interface Session {
  backend: Backend;
  call: Call;
  close(): Promise<void>;
}

export async function openSession(global: GlobalOptions, environment: SessionEnvironment, options: { openBrowser?: boolean; needVault?: boolean } = {}): Promise<Session> {
  const { io } = environment;
  const sandboxPort = sandboxPortFrom(environment.env.WORKBENCH_SANDBOX_PORT);
  const backend = await createBackend({
    dataDir: global.dataDir,
    appVersion: environment.version,
    ...(sandboxPort !== undefined ? { sandboxPort } : {}),
    ports: {
      keyProtector: environment.keyProtector ?? nodeKeyProtector,
      openInBrowser: createBrowserOpener({ open: options.openBrowser ?? false, onOpenFailed: (message) => io.err(message) }),
      // A terminal has no clipboard the CLI should touch: commands print instead.
      clipboard: { writeText: () => undefined },
      ...(environment.storeFactory ? { storeFactory: environment.storeFactory } : {}),
      logger: { info: () => undefined, warn: (message) => io.err(`warning: ${message}`), error: (message) => io.err(`error: ${message}`) },
    },
  });
  const dispatch = createDispatcher(backend, { error: (message) => io.err(`error: ${message}`) });
  const call: Call = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw CliError.from(result.error);
    return result.value as T;
  };
  const session: Session = { backend, call, close: () => backend.close() };
  if (options.needVault !== false) {
    try {
      await ensureVaultReady(call, {
        acceptWeakProtection: global.acceptWeakProtection,
        env: environment.env,
        io,
        insideElectron: environment.keyProtector !== undefined,
      });
    } catch (error) {
      await backend.close();
      throw error;
    }
  }
  return session;
}
