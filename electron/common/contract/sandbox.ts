import { z } from 'zod';
import type { SandboxStatus } from '../model';
import { method, noInput } from './declare';

export const sandboxMethods = {
  'sandbox.status': method(noInput).returns<SandboxStatus>(),
  'sandbox.setQuirks': method(
    z.strictObject({
      expiresIn: z.union([z.literal(0), z.literal(86400)]),
      numericSub: z.boolean(),
      issuerWithoutIdp: z.boolean(),
      rotateRefreshTokens: z.boolean(),
    }).partial(),
  ).returns<SandboxStatus>(),
};
