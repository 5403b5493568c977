// Brings decrypted data of any known older schema up to CURRENT_SCHEMA_VERSION, one step at a
// time; each step checks its input shape first so a damaged old file is reported, not half-migrated.
import { z } from 'zod';
import { describeSchemaIssue, vaultDataSchema } from '../store-schema';
import { CURRENT_SCHEMA_VERSION, type VaultData } from '../vault-types';
import { v1DataSchema } from './v1-schema';
import { migrateV1ToV2 } from './v1-to-v2';
import { v2DataSchema } from './v2-schema';
import { migrateV2ToV3 } from './v2-to-v3';

type Step = (data: unknown) => unknown;

/** steps[n] migrates version n to n + 1. */
const steps: Record<number, Step> = {
  1: (data) => migrateV1ToV2(v1DataSchema.parse(data)),
  2: (data) => migrateV2ToV3(v2DataSchema.parse(data)),
};

export type MigrateResult =
  | { kind: 'ok'; data: VaultData; from: number }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; reason: string };

export function readSchemaVersion(raw: unknown): number | null {
  const parsed = z.object({ schemaVersion: z.number().int().min(1) }).safeParse(raw);
  return parsed.success ? parsed.data.schemaVersion : null;
}

export function migrateToCurrent(raw: unknown): MigrateResult {
  const from = readSchemaVersion(raw);
  if (from === null) return { kind: 'invalid', reason: 'The store has no valid schemaVersion.' };
  if (from > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version: from };
  let data = raw;
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version += 1) {
    const step = steps[version];
    if (!step) return { kind: 'invalid', reason: `No migration from schema ${version}.` };
    try {
      data = step(data);
    } catch (error) {
      const detail = error instanceof z.ZodError ? describeSchemaIssue(error) : 'migration failed';
      return { kind: 'invalid', reason: `The schema ${version} store could not be migrated (${detail}).` };
    }
  }
  const parsed = vaultDataSchema.safeParse(data);
  if (!parsed.success) return { kind: 'invalid', reason: `The store does not match schema ${CURRENT_SCHEMA_VERSION} (${describeSchemaIssue(parsed.error)}).` };
  return { kind: 'ok', data: parsed.data, from };
}
