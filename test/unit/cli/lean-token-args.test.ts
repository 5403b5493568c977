// The lean `token`'s argument reader accepts only the forms commander reads the same way; anything
// else is null, and the full CLI parses it (and answers help, usage errors…) as before.
import { describe, expect, it } from 'vitest';
import { parseLeanTokenArgs } from '../../../electron/cli/lean-token';

describe('parseLeanTokenArgs', () => {
  it('reads token with its options, root options before the command, --name value and --name=value', () => {
    expect(parseLeanTokenArgs(['token', '--app', 'My app', '--account', 'acme'])).toEqual({ app: 'My app', account: 'acme', minValid: '5m', json: false });
    expect(parseLeanTokenArgs(['--data-dir', '/tmp/v', '--accept-weak-protection', 'token', '--json', '--app=a', '--account=b', '--user', 'ann', '--min-valid', '30m'])).toEqual({
      dataDir: '/tmp/v',
      app: 'a',
      account: 'b',
      user: 'ann',
      minValid: '30m',
      json: true,
    });
    expect(parseLeanTokenArgs(['--data-dir=/x', 'token', '--account', 'b', '--app', 'a'])).toMatchObject({ dataDir: '/x', app: 'a', account: 'b' });
  });

  it('leaves everything else to the full CLI', () => {
    for (const args of [
      [],
      ['token'],
      ['token', '--app', 'a'],
      ['refresh', '--app', 'a', '--account', 'b'],
      ['token', '--app', 'a', '--account', 'b', '--help'],
      ['token', '-h'],
      ['--version'],
      ['token', '--from', 'file.json'],
      ['token', '--app', 'a', '--account', 'b', '--app', 'c'],
      ['token', '--app', '--account', 'b'],
      ['token', '--app', 'a', '--account', '-b'],
      ['token', '--app', 'a', '--account', 'b', 'extra'],
      ['token', '--app', 'a', '--account', 'b', '--json=yes'],
      ['token', '--app', 'a', '--account', 'b', '--data-dir', '/x'],
      ['--app', 'a', 'token', '--account', 'b'],
      ['--json', 'token', '--app', 'a', '--account', 'b'],
      ['token', '--app=', '--account', 'b'],
      ['token', '--app', 'a', '--account', 'b', '--'],
      ['token', '--app', 'a', '--account', 'b', '--constructor', 'x'],
      ['token', '--app', 'a', '--account', 'b', '--toString'],
    ]) {
      expect(parseLeanTokenArgs(args), args.join(' ')).toBeNull();
    }
  });
});
