// Schema v2: the shape written before schema v3 (store format 1, one sealed file). Installs had no
// `user`; settings held only `seeded` and the sandbox quirks (without `issuerWithoutIdp`).
import { z } from 'zod';
import { accountSchema, appSchema, installSchema } from '../store-schema';

export const v2InstallSchema = installSchema.omit({ user: true });

export const v2DataSchema = z.object({
  schemaVersion: z.literal(2),
  apps: z.array(appSchema),
  accounts: z.array(accountSchema),
  installs: z.array(v2InstallSchema),
  settings: z.object({
    seeded: z.boolean(),
    sandboxQuirks: z.object({ expiresIn: z.union([z.literal(0), z.literal(86400)]), numericSub: z.boolean(), rotateRefreshTokens: z.boolean() }),
  }),
});

export type V2Data = z.infer<typeof v2DataSchema>;
