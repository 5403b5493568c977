// The CLI's small pure parts: every contract error code has a documented exit code, durations,
// the app's data folder per OS, and choosing among several users' installs.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../electron/common/errors';
import type { AccountView, AppView, InstallSummary } from '../../../electron/common/model';
import { electronAppData, resolveDataDir } from '../../../electron/cli/data-dir';
import { parseDuration } from '../../../electron/cli/duration';
import { EXIT, exitCodeFor } from '../../../electron/cli/exit-codes';
import { findInstall } from '../../../electron/cli/names';

describe('exit codes', () => {
  it('maps every contract error code to a documented exit code, INTERNAL only for INTERNAL and FORBIDDEN_SENDER', () => {
    const documented = new Set<number>(Object.values(EXIT));
    for (const code of ERROR_CODES) expect(documented.has(exitCodeFor(code)), code).toBe(true);
    expect(ERROR_CODES.filter((code) => exitCodeFor(code) === EXIT.INTERNAL)).toEqual(['FORBIDDEN_SENDER', 'INTERNAL']);
    expect(exitCodeFor('OAUTH_ACCESS_DENIED')).toBe(EXIT.AUTH);
    expect(exitCodeFor('NETWORK_TIMEOUT')).toBe(EXIT.NETWORK);
    expect(exitCodeFor('VAULT_PASSPHRASE_WRONG')).toBe(EXIT.VAULT);
  });
});

describe('durations', () => {
  it('reads 90s, 5m, 2h, 1d and bare seconds; refuses words', () => {
    expect([parseDuration('90s'), parseDuration('5m'), parseDuration('2h'), parseDuration('1d'), parseDuration('30')]).toEqual([90_000, 300_000, 7_200_000, 86_400_000, 30_000]);
    expect(() => parseDuration('soon')).toThrow('is not a duration');
    expect(() => parseDuration('-5m')).toThrow('is not a duration');
  });
});

describe('data folder', () => {
  it('is Electron\'s userData for the product on each OS, unless overridden', () => {
    expect(electronAppData('linux', {}, '/home/q')).toBe('/home/q/.config');
    expect(electronAppData('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/q')).toBe('/xdg');
    expect(electronAppData('darwin', {}, '/Users/q')).toBe('/Users/q/Library/Application Support');
    expect(electronAppData('win32', { APPDATA: 'C:\\Users\\q\\AppData\\Roaming' }, 'C:\\Users\\q')).toBe('C:\\Users\\q\\AppData\\Roaming');
    expect(resolveDataDir('/explicit', { WORKBENCH_DATA_DIR: '/env' })).toBe('/explicit');
    expect(resolveDataDir(undefined, { WORKBENCH_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' })).toMatch(/Gorgias OAuth Workbench$/);
  });
});

describe('--user among several users\' installs', () => {
  const app = { id: 'app_1', name: 'My app' } as AppView;
  const account = { id: 'acc_1', label: 'Acme', subdomain: 'acme' } as AccountView;
  const install = (id: string, obtainedAt: string, user: { sub: string; name: string | null; email: string | null } | null) =>
    ({ id, appId: 'app_1', accountId: 'acc_1', obtainedAt, user }) as unknown as InstallSummary;
  const installs = [
    install('inst_old', '2026-01-01T00:00:00Z', { sub: '1', name: 'Ann Agent', email: 'ann@acme.test' }),
    install('inst_new', '2026-02-01T00:00:00Z', { sub: '2', name: 'Bob Admin', email: 'bob@acme.test' }),
  ];

  it('defaults to the most recent, picks by e-mail, name or sub, and lists the users when unknown', () => {
    expect(findInstall(installs, app, account).id).toBe('inst_new');
    expect(findInstall(installs, app, account, 'ann@acme.test').id).toBe('inst_old');
    expect(findInstall(installs, app, account, 'bob admin').id).toBe('inst_new');
    expect(findInstall(installs, app, account, '1').id).toBe('inst_old');
    expect(() => findInstall(installs, app, account, 'carol')).toThrow(/No install called "carol"[\s\S]*Bob Admin <bob@acme\.test>[\s\S]*Ann Agent <ann@acme\.test>/);
  });
});
