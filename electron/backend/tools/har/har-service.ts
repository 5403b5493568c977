// activity.exportHar: the timeline (filtered) as a HAR 1.2 string for a support ticket.
import type { ServiceSlice } from '../../service';
import type { ToolsDeps } from '../deps';
import { redactStoredEntry } from '../../activity/recorder';
import { createScrubber, knownSecrets } from '../context/known-secrets';
import { toHar } from './har-mapper';

export const HAR_CREATOR_NAME = 'Gorgias OAuth Workbench';
const DEFAULT_LIMIT = 1000;

export function createHarService(deps: ToolsDeps): ServiceSlice<'activity.exportHar'> {
  return {
    async 'activity.exportHar'({ filter }) {
      const { installId, limit, ...rest } = filter;
      const wanted = limit ?? DEFAULT_LIMIT;
      // The log filters by app, account and kind; install is filtered here, so ask for more.
      const listed = deps.vault.activity.list({ ...rest, limit: installId ? Math.max(wanted * 10, 10_000) : wanted }).entries;
      const entries = (installId ? listed.filter((entry) => entry.installId === installId) : listed).slice(0, wanted);
      const secrets = knownSecrets(deps.vault);
      const har = toHar(entries.map((entry) => redactStoredEntry(entry, secrets)), { name: HAR_CREATOR_NAME, version: deps.appVersion ?? '0.0.0' }, createScrubber(deps.vault));
      const stamp = new Date(deps.clock.now()).toISOString().replace(/[:.]/g, '-');
      return { har: JSON.stringify(har, null, 2), entries: har.log.entries.length, fileName: `workbench-activity-${stamp}.har` };
    },
  };
}
