import { z } from 'zod';
import type { TransferPreview } from '../tools/tools-contract';
import { method } from './declare';

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
};
