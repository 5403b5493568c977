import type { ClipboardPort } from '../ports';
import type { DomainService } from '../service';

export interface SystemServiceDeps {
  appVersion: string;
  dataDir: string;
  clipboard: ClipboardPort;
  sandboxOrigin(): string | null;
}

export function createSystemService(deps: SystemServiceDeps): DomainService<'system'> {
  return {
    async 'system.info'() {
      return { version: deps.appVersion, platform: process.platform, dataDir: deps.dataDir, sandboxBaseUrl: deps.sandboxOrigin() };
    },
    // For non-secret text (a redirect URL, an authorize URL); tokens are copied by installs.copy.
    async 'system.copyText'({ text }) {
      deps.clipboard.writeText(text);
      return null;
    },
  };
}
