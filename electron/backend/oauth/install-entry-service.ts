// Keeps an app's loopback server up on request so Gorgias's "Connect App" button can use the
// workbench as the app's App URL (`/oauth/install?account={sub}` starts a flow for that account).
import type { ServiceSlice } from '../service';
import type { FlowsService } from './flows-service';

interface InstallEntryService extends ServiceSlice<'flows.installEntry'> {
  close(): Promise<void>;
}

export function createInstallEntryService(flows: Pick<FlowsService, 'serveInstallEntry'>): InstallEntryService {
  const served = new Map<string, { url: string; release(): Promise<void> }>();
  return {
    async 'flows.installEntry'({ appId, enabled }) {
      const current = served.get(appId);
      if (!enabled) {
        served.delete(appId);
        await current?.release();
        return { url: null };
      }
      if (current) return { url: current.url };
      const entry = await flows.serveInstallEntry(appId);
      served.set(appId, entry);
      return { url: entry.url };
    },
    async close() {
      const entries = [...served.values()];
      served.clear();
      await Promise.all(entries.map((entry) => entry.release()));
    },
  };
}
