// The cause, named once from what is known, in the order a person would want it: something the
// workbench itself did (revoked here) first, then what the servers said (user removed, refresh
// refused), then what the stored tokens show (expired with nothing to renew them), then the clock.
import type { DiagnosticCheck } from '../../../common/tools/tool-results';

const outcomeOf = (checks: readonly DiagnosticCheck[], id: string) => checks.find((c) => c.id === id)?.outcome ?? null;

export function causeOf(checks: readonly DiagnosticCheck[]): string | null {
  const revoked = checks.find((c) => c.id === 'install.revoked');
  if (revoked) return revoked.detail;
  const removed = checks.find((c) => c.id.startsWith('api.') && c.detail.includes('user who authorised this install was removed'));
  if (removed) return 'The user who authorised this install was removed from the account (or deactivated): the API refuses its tokens. Reconnect while logged in as an active user.';
  const refresh = checks.find((c) => c.id === 'refresh' && c.outcome === 'fail');
  if (refresh?.detail.includes('invalid_grant')) return 'The refresh token was refused: the app was disconnected in the helpdesk or revoked elsewhere. Connect the app again.';
  if (outcomeOf(checks, 'token.expiry') === 'fail') return checks.find((c) => c.id === 'token.expiry')!.detail;
  if (outcomeOf(checks, 'clock.skew') === 'fail') return checks.find((c) => c.id === 'clock.skew')!.detail;
  if (outcomeOf(checks, 'token.signature') === 'fail' || outcomeOf(checks, 'token.claims') === 'fail') return 'The token was not issued by or for this account: check the account\'s subdomain or base URL, then connect again.';
  if (refresh) return refresh.detail;
  return null;
}
