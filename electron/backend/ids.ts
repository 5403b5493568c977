import { randomUUID } from 'node:crypto';

/** Opaque ids for stored records; short prefixes make logs and tests easier to read. */
export const newId = (prefix: 'app' | 'acc' | 'inst' | 'flow'): string => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
