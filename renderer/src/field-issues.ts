// Turns an INVALID_INPUT failure from the host into messages for the form fields they concern.
import { z } from 'zod';
import { RemoteError } from '../../shared/result';

const issuesSchema = z.object({
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

export interface FormErrors<F extends string> {
  /** The first message per field, keyed by the field's path. */
  fields: Partial<Record<F, string>>;
  /** What doesn't belong to one of the form's fields, or the whole error when it isn't about input. */
  general: string[];
}

/** Splits a mutation error into per-field messages (for the given fields) and general ones. */
export function formErrors<F extends string>(error: Error | null, fieldNames: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, general: [] };
  if (!error) return result;
  const parsed = error instanceof RemoteError && error.code === 'INVALID_INPUT' ? issuesSchema.safeParse(error.details) : undefined;
  if (!parsed?.success || parsed.data.issues.length === 0) {
    result.general.push(error.message);
    return result;
  }
  for (const { path, message } of parsed.data.issues) {
    const field = fieldNames.find((f) => f === path);
    if (field === undefined) result.general.push(`${path}: ${message}`);
    else result.fields[field] ??= message;
  }
  return result;
}
