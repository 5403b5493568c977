// One status word for an install as of now: the backend's status, with "active" turning into
// "expired" as the clock passes the expiry (no need to wait for the next reload).
import type { InstallStatus, InstallSummary } from '../../../electron/common/model';
import type { CellStatus } from './status-words';
import { formatDuration } from '../../../electron/common/duration';

export function statusAt(status: InstallStatus, expiresAtMs: number | null, now: number): { status: CellStatus; detail?: string } {
  if (status !== 'active') return { status };
  if (expiresAtMs === null) return { status: 'active' };
  const left = expiresAtMs - now;
  if (left <= 0) return { status: 'expired' };
  return { status: 'active', detail: `${formatDuration(left)} left` };
}

export function installStatus(install: InstallSummary | undefined, now: number): { status: CellStatus; detail?: string } {
  if (!install) return { status: 'not-connected' };
  return statusAt(install.status, install.expiresAt ? Date.parse(install.expiresAt) : null, now);
}
