// The typed failures of every CRM connector (../shared/spec/sync.md, "Errors are typed"): the engine decides
// retries by kind, the screens show the message (what happened, in the CRM's words where it gave any, and what to
// do), never a stack or a raw body.
import { AppError } from '../../../shared/result';
import type { CrmConnectorId } from '../../../shared/domain/connectors';

export const CRM_ERROR_KINDS = [
  /** Credentials refused, after one re-authentication. */
  'auth',
  /** 429: wait `retryAfterMs`. */
  'rate_limited',
  /** No such record (or case type, or field) in the CRM. */
  'not_found',
  /** The CRM refused a value: `field` and the CRM's own message. */
  'rejected',
  /** 5xx, timeout, connection refused or reset, TLS failure: retry later. */
  'unavailable',
  /** A write whose answer never came: look it up before writing again. */
  'unknown_outcome',
  /** The CRM answered, but not in the shape we know: `path` names where (a changed API, a proxy's page). */
  'bad_response',
] as const;
export type CrmErrorKind = (typeof CRM_ERROR_KINDS)[number];

export interface CrmErrorDetails {
  crm: CrmConnectorId;
  kind: CrmErrorKind;
  /** What was being done: "sign in", "load fields", "create a lead", … */
  operation: string;
  /** HTTP status of the CRM's answer, when there was one. */
  status?: number;
  /** The CRM's own message, when it gave one. */
  crmMessage?: string;
  /** rejected: the field (CRM name) the CRM refused. */
  field?: string;
  /** rate_limited: how long to wait. */
  retryAfterMs?: number;
  /** bad_response: where in the answer it broke. */
  path?: string;
  /** loadCatalog: which part failed (case types, fields, statuses, substatus types). */
  part?: string;
}

/** A CRM call that failed, by kind; an AppError so that it crosses the contract with its details. */
export class CrmError extends AppError {
  constructor(
    readonly crmDetails: CrmErrorDetails,
    message: string,
    cause?: unknown,
  ) {
    super('UPSTREAM_ERROR', message, crmDetails);
    this.name = 'CrmError';
    if (cause !== undefined) this.cause = cause;
  }

  get kind(): CrmErrorKind {
    return this.crmDetails.kind;
  }
}

/** True for a CrmError of one of `kinds`. */
export const isCrmError = (error: unknown, ...kinds: CrmErrorKind[]): error is CrmError =>
  error instanceof CrmError && (kinds.length === 0 || kinds.includes(error.kind));
