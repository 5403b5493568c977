// One status word for an install as of now: the backend's status, with "active" turning into
// "expired" as the clock passes expiresAt (no need to wait for the next reload).
import type { InstallSummary } from '../../../electron/common/model';
import type { CellStatus } from '../components/status-badge';
import { formatDuration } from '../../../electron/common/duration';

export function installStatus(install: InstallSummary | undefined, now: number): { status: CellStatus; detail?: string } {
  if (!install) return { status: 'not-connected' };
  if (install.status !== 'active') return { status: install.status };
  if (!install.expiresAt) return { status: 'active' };
  const left = new Date(install.expiresAt).getTime() - now;
  if (left <= 0) return { status: 'expired' };
  return { status: 'active', detail: `${formatDuration(left)} left` };
}
