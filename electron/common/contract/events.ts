// Every event main pushes, declared once: the name is the key, the payload its type.
import type { FlowView, InstallConfirmation, VaultStatus } from '../model';

export interface ContractEvents {
  'vault.changed': VaultStatus;
  'apps.changed': null;
  'accounts.changed': null;
  'installs.changed': { installId: string | null };
  'flow.progress': FlowView;
  'activity.appended': { count: number };
  /** Every change to the install confirmations waiting for the user (the whole list). */
  'flow.installConfirmations': InstallConfirmation[];
  /** Background happenings worth a toast (token refreshed, flow failed). */
  notice: { level: 'info' | 'success' | 'warning' | 'error'; message: string };
}

export type EventName = keyof ContractEvents;
