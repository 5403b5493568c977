import { z } from 'zod';
import type { ActivityEntry } from '../model';
import { ACTIVITY_KINDS } from '../lists';
import { id, method, noInput } from './declare';

const activityKind = z.enum(ACTIVITY_KINDS);

export const activityMethods = {
  'activity.list': method(
    z.strictObject({
      limit: z.number().int().min(1).max(1000).optional(),
      beforeId: id.optional(),
      appId: id.optional(),
      accountId: id.optional(),
      kind: activityKind.optional(),
    }),
  ).returns<{ entries: ActivityEntry[]; total: number }>(),
  'activity.clear': method(noInput).returns<null>(),
  'activity.exportHar': method(
    z.strictObject({
      filter: z.strictObject({
        appId: id.optional(),
        accountId: id.optional(),
        installId: id.optional(),
        kind: activityKind.optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      }),
    }),
  ).returns<{ har: string; entries: number; fileName: string }>(),
};
