// Who approved an install, in words: a Gorgias token acts with that user's role, so the workbench
// names the user wherever it acts with an install (grid, install view, API console, runs, diagnostics).
import type { InstallUser } from '../../../electron/common/model';
import { userShortName } from '../../../electron/common/install-user';

export function userLabel(user: InstallUser | null | undefined): string {
  if (!user) return 'unknown user (no id_token)';
  const who = user.name ?? user.email ?? `sub ${user.sub}`;
  const email = user.name && user.email ? ` <${user.email}>` : '';
  return `${who}${email}${user.role ? ` (${user.role})` : ''}`;
}

export const UNKNOWN_USER = 'unknown user';

/** Short form for tight places (a grid cell). */
export function userShortLabel(user: InstallUser | null | undefined): string {
  return user ? userShortName(user) : UNKNOWN_USER;
}
