// How tests, benchmarks and demo mode drive a CRM simulator (a real HTTP server on loopback that behaves like
// the CRM): its address, seeding, switchable faults, the log of what it served, and edits made "in the CRM".
// Each CRM's simulator (connectors/<crm>/simulator/) implements it; the conformance suite runs on it.

/**
 * A fault the simulator plays until cleared, or on the next `times` requests it applies to: slow answers, 5xx and
 * 429 apply to any request; the others only to the requests they concern (a dropped answer to writes, a failing
 * catalog to the field listing, …), so other requests before them don't use them up.
 */
export type CrmFault =
  /** Answers after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Answers every request with this 5xx (default 503). */
  | { kind: 'server_error'; status?: number }
  /** Answers 429 with Retry-After. */
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  /** The field / catalog listing fails (500); everything else works. */
  | { kind: 'catalog_fails' }
  /** Answers 200 with the CRM's error envelope (a failure dressed as success). */
  | { kind: 'error_in_200' }
  /** Applies writes (create, update, note) but drops the connection before answering. */
  | { kind: 'drop_write_answer' }
  /** Answers 200 with a body that is not in the CRM's shape (e.g. a proxy's page, a renamed property). */
  | { kind: 'malformed' }
  /** Every token issued so far expires now: the next call with one gets 401 (an event: nothing stays set). */
  | { kind: 'expire_tokens' };

/** One request the simulator served, for tests that count calls. */
export interface SimRequest {
  method: string;
  path: string;
  /** What it was, in the CRM's terms: "authenticate", "GetStatus", "CreateCase", "list", … */
  operation: string;
  status: number;
  at: string;
  /** The fault played on this request, if one was. */
  fault?: CrmFault['kind'];
}

export interface CrmSimulatorControl {
  /** The base URL a connector is pointed at (its "Advanced: API base URL"). */
  readonly url: string;
  /** Adds `count` records, deterministically (same seed → same records), with modified times in the past. */
  seed(count: number): void;
  /** Plays `fault` from now on (on the next `times` requests it applies to, when given); null clears it. */
  setFault(fault: CrmFault | null, options?: { times?: number }): void;
  /** Every request served so far, oldest first. */
  requests(): SimRequest[];
  /** Ids of every record created through the API (not seeded), in order. */
  created(): string[];
  /** An edit made by a person in the CRM: the record's first name changes and its modified time moves to now. */
  editRecord(id: string, firstName: string): void;
  /** The notes a record holds, oldest first. */
  notesOf(id: string): { subject: string | null; text: string }[];
  close(): Promise<void>;
}
