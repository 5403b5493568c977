// When a migration backup (the pre-migration copy of the store) has expired: store-open.ts deletes
// such files at open; vault-peek.ts (a read-only reader) leaves the open to the full vault when one
// is there. The age comes from the time in the file's name (when the migration ran).

/** How long the pre-migration copy of the store is kept once the migrated vault opens. */
export const BACKUP_DAYS = 7;
const BACKUP_NAME = /^vault\.json\.schema-\d+-format-\d+-backup-(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d\.\d{3}Z)$/;

export function isExpiredBackup(name: string, now: Date): boolean {
  const match = BACKUP_NAME.exec(name);
  if (!match) return false;
  const at = Date.parse(`${match[1]}:${match[2]}:${match[3]}`);
  return !Number.isNaN(at) && now.getTime() - at >= BACKUP_DAYS * 24 * 3_600_000;
}
