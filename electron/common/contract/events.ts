// Every event main pushes, declared once: the name is the key, the payload its type.
import type { FlowView, VaultStatus } from '../model';

export interface ContractEvents {
  'vault.changed': VaultStatus;
  'apps.changed': null;
  'accounts.changed': null;
  'installs.changed': { installId: string | null };
  'flow.progress': FlowView;
  'activity.appended': { count: number };
  /** Background happenings worth a toast (token refreshed, flow failed). */
  notice: { level: 'info' | 'success' | 'warning' | 'error'; message: string };
}

export type EventName = keyof ContractEvents;
