import { isDeepStrictEqual } from 'node:util';
import type { FieldChanges } from '../../db';

/** Field → { old, new } for every field of `next` that differs from `prev` (all of them when prev is null). */
export function diffFields(prev: Record<string, unknown> | null, next: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, value] of Object.entries(next)) {
    const old = prev ? prev[key] : null;
    if (!prev || !isDeepStrictEqual(old, value)) changes[key] = { old: prev ? old : null, new: value };
  }
  return changes;
}
