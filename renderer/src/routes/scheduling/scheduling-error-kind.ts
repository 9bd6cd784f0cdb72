// The kind of a scheduling failure as the host sent it (UPSTREAM_ERROR with details.kind: invalid_key, not_found,
// slot_taken, …), so a screen can put it beside the field it concerns or explain it in its own words.
import { z } from 'zod';
import { RemoteError } from '../../../../shared/result';

const detailsSchema = z.object({ kind: z.string() });

/** details.kind of a scheduling UPSTREAM_ERROR; undefined for any other error. */
export function schedulingErrorKind(error: Error | null | undefined): string | undefined {
  if (!(error instanceof RemoteError) || error.code !== 'UPSTREAM_ERROR') return undefined;
  const parsed = detailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data.kind : undefined;
}
