// Owns the one sandbox the backend uses: started lazily on first need, on the preferred port when it
// is free (so registered loopback URLs and bookmarks keep working) and on any free port otherwise;
// its signing key persisted in `keyFile` and its refresh tokens' grants in `grantsDir`, so tokens
// survive restarts and work in every process on the same data folder.
import type { Logger } from '../ports';
import type { SandboxQuirks, SandboxStatus } from '../../common/model';
import { startSandbox } from './index';
import { readKeyFile, writeKeyFile } from './key-file';
import { DEFAULT_QUIRKS, type Sandbox, type SandboxClock } from './types';

export const DEFAULT_SANDBOX_PORT = 47615;

export interface SandboxControllerOptions {
  /** Preferred port (default 47615); 0 = any free port. */
  port?: number;
  quirks?: SandboxQuirks;
  clock?: SandboxClock;
  logger?: Logger;
  /** JSON file holding the private JWK. */
  keyFile?: string;
  /** Folder for the issued refresh tokens' grants, shared with other processes on the same data folder. */
  grantsDir?: string;
  rateLimit?: { requests: number; windowMs: number };
}

export interface SandboxController {
  ensureStarted(): Promise<Sandbox>;
  current(): Sandbox | null;
  status(): SandboxStatus;
  setQuirks(patch: Partial<SandboxQuirks>): SandboxStatus;
  close(): Promise<void>;
}

function isAddressInUse(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

export function createSandboxController(options: SandboxControllerOptions): SandboxController {
  let quirks: SandboxQuirks = { ...DEFAULT_QUIRKS, ...options.quirks };
  let sandbox: Sandbox | null = null;
  let starting: Promise<Sandbox> | null = null;
  let closed = false;

  const loadKey = async () => {
    if (!options.keyFile) return undefined;
    try {
      return (await readKeyFile(options.keyFile)) ?? undefined;
    } catch (error) {
      // A broken key file is not fatal: a new key only means older sandbox tokens stop verifying.
      options.logger?.warn(`sandbox key file unreadable, a new key is generated: ${error instanceof Error ? error.message : 'unknown error'}`);
      return undefined;
    }
  };

  const start = async (): Promise<Sandbox> => {
    const privateJwk = await loadKey();
    const preferred = options.port ?? DEFAULT_SANDBOX_PORT;
    const common = {
      quirks,
      privateJwk,
      ...(options.grantsDir ? { grantsDir: options.grantsDir } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    };
    let started: Sandbox;
    try {
      started = await startSandbox({ ...common, port: preferred });
    } catch (error) {
      if (preferred === 0 || !isAddressInUse(error)) throw error;
      options.logger?.warn(`sandbox port ${preferred} is in use; using a free port instead`);
      started = await startSandbox({ ...common, port: 0 });
    }
    if (options.keyFile && !privateJwk) {
      try {
        await writeKeyFile(options.keyFile, started.exportPrivateJwk());
      } catch (error) {
        options.logger?.warn(`sandbox key not saved: ${error instanceof Error ? error.message : 'unknown error'}`);
      }
    }
    options.logger?.info(`sandbox listening on ${started.origin}`);
    return started;
  };

  const status = (): SandboxStatus => ({ running: sandbox !== null, baseUrl: sandbox?.origin ?? null, quirks: { ...quirks } });

  return {
    ensureStarted() {
      if (closed) return Promise.reject(new Error('The sandbox controller is closed.'));
      if (sandbox) return Promise.resolve(sandbox);
      starting ??= start().then(
        (started) => {
          starting = null;
          if (closed) {
            void started.close();
            throw new Error('The sandbox controller is closed.');
          }
          sandbox = started;
          return started;
        },
        (error: unknown) => {
          starting = null;
          throw error;
        },
      );
      return starting;
    },
    current: () => sandbox,
    status,
    setQuirks(patch) {
      quirks = { ...quirks, ...patch };
      sandbox?.setQuirks(quirks);
      return status();
    },
    async close() {
      closed = true;
      const pending = starting;
      if (pending) await pending.catch(() => undefined);
      const running = sandbox;
      sandbox = null;
      if (running) await running.close();
    },
  };
}
