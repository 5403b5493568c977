// The hidden passphrase prompt on a real terminal (a pseudo-terminal from util-linux's `script`), with
// the built CLI: what is typed is never shown, a new vault asks twice and refuses two different
// answers (nothing created), and a wrong passphrase is refused with exit 5 (the vault unchanged).
import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from './cli-process';
import { runCliOnTty } from './tty-process';

const PASSPHRASE = 'tty-passphrase-7f3c';
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  await data.remove();
});

/** Creates the vault through the prompt, typing the same passphrase twice. */
async function createVault(): Promise<string> {
  const session = runCliOnTty(['apps', 'list', '--json'], { WORKBENCH_DATA_DIR: data.dir });
  await session.waitFor(/New vault passphrase \(at least 8 characters\): /);
  session.type(PASSPHRASE);
  await session.waitFor(/Repeat the passphrase: /);
  session.type(PASSPHRASE);
  const { code, transcript } = await session.exited;
  expect(code).toBe(0);
  return transcript;
}

describe('the passphrase prompt on a terminal', () => {
  it('creating a vault asks twice, never shows what is typed, and the vault opens with it', async () => {
    const transcript = await createVault();
    expect(transcript).toContain('Created a vault protected by your passphrase');
    expect(transcript).toContain('"name": "Demo app"');
    expect(transcript).not.toContain(PASSPHRASE);
    expect(transcript).not.toMatch(/\*{4,}/);

    const again = runCliOnTty(['apps', 'list', '--json'], { WORKBENCH_DATA_DIR: data.dir });
    await again.waitFor(/Vault passphrase: /);
    again.type(PASSPHRASE);
    const opened = await again.exited;
    expect(opened.code).toBe(0);
    expect(opened.transcript).not.toMatch(/Repeat the passphrase/);
    expect(opened.transcript).toContain('"name": "Demo app"');
    expect(opened.transcript).not.toContain(PASSPHRASE);
  });

  it('two different answers on creation: exit 2, nothing created, neither answer shown', async () => {
    const session = runCliOnTty(['apps', 'list'], { WORKBENCH_DATA_DIR: data.dir });
    await session.waitFor(/New vault passphrase/);
    session.type('first-answer-1234');
    await session.waitFor(/Repeat the passphrase: /);
    session.type('second-answer-5678');
    const { code, transcript } = await session.exited;
    expect(code).toBe(2);
    expect(transcript).toContain('error [INVALID_ARGUMENT]: The two passphrases differ; nothing was created.');
    expect(transcript).not.toContain('first-answer');
    expect(transcript).not.toContain('second-answer');
    expect(await readdir(data.dir)).toEqual([]);
  });

  it('a wrong passphrase: exit 5 with VAULT_PASSPHRASE_WRONG, not shown, and the right one still opens it', async () => {
    await createVault();
    const files = (await readdir(data.dir)).sort();
    const wrong = runCliOnTty(['apps', 'list'], { WORKBENCH_DATA_DIR: data.dir });
    await wrong.waitFor(/Vault passphrase: /);
    wrong.type('not-the-passphrase-99');
    const refused = await wrong.exited;
    expect(refused.code).toBe(5);
    expect(refused.transcript).toMatch(/error \[VAULT_PASSPHRASE_WRONG\]/);
    expect(refused.transcript).not.toContain('not-the-passphrase');
    expect((await readdir(data.dir)).sort()).toEqual(files);

    const right = runCliOnTty(['apps', 'list', '--json'], { WORKBENCH_DATA_DIR: data.dir });
    await right.waitFor(/Vault passphrase: /);
    right.type(PASSPHRASE);
    expect((await right.exited).code).toBe(0);
  });
});
