import { z } from 'zod';
import type { RunAcrossResult } from '../tools/tool-results';
import { apiRequestSchema } from './api';
import { id, method } from './declare';

export const runsMethods = {
  'runs.across': method(
    z.strictObject({
      installIds: z.array(id).min(1).max(50),
      request: apiRequestSchema,
      /** How many accounts are asked at once (default 4). */
      concurrency: z.number().int().min(1).max(8).optional(),
    }),
  ).returns<{ results: RunAcrossResult[] }>(),
};
