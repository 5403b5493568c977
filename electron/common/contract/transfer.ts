import { z } from 'zod';
import type { TransferPreview } from '../tools/tool-results';
import { MIN_PASSPHRASE_LENGTH } from '../lists';
import { id, method } from './declare';

const transferText = z.string().min(1).max(5 * 1024 * 1024);
const optionalPassphrase = z.string().max(1024).optional();

export const transferMethods = {
  'transfer.export': method(z.strictObject({ includeSecrets: z.boolean(), passphrase: optionalPassphrase })).returns<{
    text: string;
    apps: number;
    accounts: number;
    secretsIncluded: boolean;
  }>(),
  'transfer.preview': method(z.strictObject({ text: transferText, passphrase: optionalPassphrase })).returns<TransferPreview>(),
  'transfer.import': method(z.strictObject({ text: transferText, passphrase: optionalPassphrase })).returns<TransferPreview>(),
  /** One install (refresh token + client id/secret + account) as a file encrypted under `passphrase` (the CLI's export-install). */
  'transfer.exportInstall': method(
    z.strictObject({ installId: id, passphrase: z.string().min(MIN_PASSPHRASE_LENGTH, `At least ${MIN_PASSPHRASE_LENGTH} characters`).max(1024) }),
  ).returns<{ text: string }>(),
};
