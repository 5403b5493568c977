// The generation mirror's MAC (key-mirror.ts), apart from the key file's schema so a read-only
// reader (vault-peek.ts, the CLI's lean `token`) can check the mirror without loading zod.
import { createHmac } from 'node:crypto';
import { deriveKey } from './sealed-box';

export function mirrorMac(dataKey: Buffer, keyId: string | undefined, generation: number, activity: number): string {
  return createHmac('sha256', deriveKey(dataKey, 'gorgias-workbench/key-mirror/v1')).update(`${keyId ?? ''}\n${generation}\n${activity}`).digest('base64');
}
