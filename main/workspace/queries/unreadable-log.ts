// Records whose stored fields could not be read (damaged JSON cells) are shown with those fields marked; this logs
// each one once, with the record's id, so that someone can repair it. Lists refresh often: once is enough.
import type { Logger } from '../../log';

export type UnreadableLog = (entity: 'client' | 'case' | 'record change', id: string | number, fields: readonly string[] | undefined) => void;

/** Remembers up to this many reported fields before starting over (a heavily damaged database logs again). */
const REMEMBERED = 10_000;

/** Logs a record's unreadable fields the first time they are read. */
export function createUnreadableLog(logger: Logger): UnreadableLog {
  const reported = new Set<string>();
  return (entity, id, fields) => {
    if (!fields?.length) return;
    const key = `${entity}\u0000${id}\u0000${fields.join(',')}`;
    if (reported.has(key)) return;
    if (reported.size >= REMEMBERED) reported.clear();
    reported.add(key);
    logger.error({ entity, id, fields }, 'stored record fields could not be read (damaged database cells); shown as unreadable');
  };
}
