// Errors cross every boundary (IPC, HTTP) as data, never as thrown strings.
import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_INPUT',
  /** Well-formed, but names things that don't exist (an unknown case type or status, say). */
  'UNPROCESSABLE',
  'UNKNOWN_PROCEDURE',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'SECRETS_UNAVAILABLE',
  'DATABASE_ERROR',
  /** A connected service (a CRM, the scheduling provider) failed or refused; `details.kind` says how. */
  'UPSTREAM_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const contractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside core services; the dispatcher turns it into a typed failure result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Rebuilt on the renderer side from a failure result so that UI code can `catch` it with its code intact. */
export class RemoteError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'RemoteError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** One field-level problem, as reported in `details.issues` of an INVALID_INPUT error. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}

export function describeIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
