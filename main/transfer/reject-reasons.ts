// Why a row was refused, in words that point at the file: each reason names the field and its column, and the
// offending value where the store's message doesn't already say it.
import { AppError, type FieldIssue } from '../../shared/result';
import type { ImportPlan } from './import-plan';

/** The import field an upsert input path belongs to ("emails.1" → "email", "customValues.x" → "custom.x"). */
function fieldOfPath(path: string): string {
  const [head, second] = path.split('.');
  switch (head) {
    case 'phones':
      return 'phone';
    case 'emails':
      return 'email';
    case 'campaignId':
      return 'campaign';
    case 'clients':
    case 'clientIds':
      return 'clientExternalId';
    case 'customValues':
      return `custom.${second ?? ''}`;
    default:
      return head ?? path;
  }
}

function where(plan: ImportPlan, path: string): string {
  const field = fieldOfPath(path);
  const columns = (plan.sources.get(field) ?? []).map((i) => `"${plan.columns[i]}"`);
  const label = plan.labels.get(field) ?? field;
  return columns.length ? `${label} (column ${columns.join(', ')})` : label;
}

/** The value at `path` ("emails.1") in the input, when it is a list item. */
function valueAt(input: unknown, path: string): string | undefined {
  const [head, index] = path.split('.');
  if (!head || index === undefined || !/^\d+$/.test(index) || typeof input !== 'object' || input === null) return undefined;
  const list = (input as Record<string, unknown>)[head];
  const value = Array.isArray(list) ? list[Number(index)] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const isIssueList = (v: unknown): v is FieldIssue[] =>
  Array.isArray(v) && v.every((i) => typeof i === 'object' && i !== null && typeof (i as FieldIssue).path === 'string');

/** Reasons for a row the store refused with `error`. */
export function rejectReasons(error: AppError, plan: ImportPlan, input: unknown): string[] {
  const details = (error.details ?? {}) as { issues?: unknown; valid?: unknown; problems?: unknown };
  // Several problems in one row (workspace allCaseProblems): a reason for each, so fixing one doesn't reveal another.
  if (Array.isArray(details.problems)) {
    return details.problems.flatMap((p: { message?: unknown; details?: unknown }) =>
      rejectReasons(new AppError(error.code, typeof p.message === 'string' ? p.message : error.message, p.details), plan, input),
    );
  }
  const issues = isIssueList(details.issues) ? details.issues : [];
  // Unknown case type/status (the message lists the valid names) and conflicts say it best in one sentence.
  if (details.valid !== undefined || issues.length === 0 || error.code === 'CONFLICT') return [issues[0] ? `${where(plan, issues[0].path)}: ${error.message}` : error.message];
  return issues.map((issue) => {
    const value = valueAt(input, issue.path);
    return `${where(plan, issue.path)}: ${issue.message}${value === undefined ? '' : ` ("${value}")`}`;
  });
}
