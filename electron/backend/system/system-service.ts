import type { ClipboardPort } from '../ports';
import type { DomainService } from '../service';

export interface SystemServiceDeps {
  appVersion: string;
  dataDir: string;
  clipboard: ClipboardPort;
  sandboxOrigin(): string | null;
  /** Text that holds a secret (a token, a client secret) is copied as one: concealed, cleared later. */
  holdsSecret?(text: string): boolean;
  copySecret?(text: string): Promise<{ clearsInSeconds: number | null }>;
}

export function createSystemService(deps: SystemServiceDeps): DomainService<'system'> {
  return {
    async 'system.info'() {
      return { version: deps.appVersion, platform: process.platform, dataDir: deps.dataDir, sandboxBaseUrl: deps.sandboxOrigin() };
    },
    // For non-secret text (a redirect URL, an authorize URL); tokens are copied by installs.copy. Text
    // that holds a secret anyway (a pasted token, a revealed value) is treated as one.
    async 'system.copyText'({ text }) {
      if (deps.copySecret && deps.holdsSecret?.(text)) return deps.copySecret(text);
      await deps.clipboard.writeText(text);
      return { clearsInSeconds: null };
    },
  };
}
