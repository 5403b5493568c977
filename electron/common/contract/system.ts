import { z } from 'zod';
import { method, noInput } from './declare';

export interface SystemInfo {
  version: string;
  platform: string;
  dataDir: string;
  sandboxBaseUrl: string | null;
}

export const systemMethods = {
  'system.info': method(noInput).returns<SystemInfo>(),
  /** When the text held a secret: the seconds until it is cleared from the clipboard (null: never). */
  'system.copyText': method(z.strictObject({ text: z.string().max(100_000) })).returns<{ clearsInSeconds: number | null }>(),
};
