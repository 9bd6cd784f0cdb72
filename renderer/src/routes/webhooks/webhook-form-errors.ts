// Puts the host's refusals of a webhook save on the form's fields: INVALID_INPUT and UNPROCESSABLE both carry
// details.issues[].path ("url", "events.2", "webhook.name" for an edit, "appKey"); the rest is a general message.
import { z } from 'zod';
import { RemoteError } from '../../../../shared/result';
import { DRAFT_FIELDS, type FieldMessages } from './webhook-draft';

const issuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

export interface SaveErrors {
  fields: FieldMessages;
  general: string[];
}

export const NO_SAVE_ERRORS: SaveErrors = { fields: {}, general: [] };

/** The field a host path names: its first segment once the update's "webhook." wrapper is removed. */
export const fieldOfPath = (path: string) => {
  const head = path.replace(/^webhook\./, '').split('.')[0];
  return DRAFT_FIELDS.find((f) => f === head);
};

/** Splits an error from create/update/setAppKey into per-field messages and general ones. */
export function saveErrors(error: Error | null): SaveErrors {
  if (!error) return NO_SAVE_ERRORS;
  const parsed = error instanceof RemoteError && (error.code === 'INVALID_INPUT' || error.code === 'UNPROCESSABLE') ? issuesSchema.safeParse(error.details) : undefined;
  if (!parsed?.success || parsed.data.issues.length === 0) return { fields: {}, general: [error.message] };
  const result: SaveErrors = { fields: {}, general: [] };
  for (const { path, message } of parsed.data.issues) {
    const field = fieldOfPath(path);
    if (field === undefined) result.general.push(`${path}: ${message}`);
    else result.fields[field] ??= message;
  }
  return result;
}
