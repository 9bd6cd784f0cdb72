// A file's "shape": its header row normalised (case, spacing and punctuation ignored, order ignored) and
// hashed, so a mapping chosen once is offered again for the next export from the same system.
import { createHash } from 'node:crypto';

/** "First Name", "first_name" and " FIRST-NAME " all become "firstname". */
export const normaliseHeader = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** One normalised key per column (repeats numbered), aligned with `columns`. */
export function headerKeys(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const base = normaliseHeader(column) || '_';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Hash of the normalised header row. */
export function fileShape(columns: readonly string[]): string {
  const keys = [...headerKeys(columns)].sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex');
}
