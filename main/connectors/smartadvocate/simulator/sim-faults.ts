// The faults only a SmartAdvocate simulator can play (an expired token, a failing UDF listing, a failure in a 200,
// a dropped write answer, a malformed body), kept here rather than in the shared server: a fault given for
// `times` requests counts the requests it was played on. Signing in first must not use up "drop the next
// write's answer". Slow answers, 5xx and 429 look the same at every CRM and go to the shared server.
import type { SimServer } from '../../crm/simulator/sim-server';
import type { CrmFault } from '../../crm/simulator-control';

const SHARED_KINDS = new Set<CrmFault['kind']>(['slow', 'server_error', 'rate_limit']);

export class SimFaults {
  private current: { fault: CrmFault; left: number | null } | null = null;

  constructor(private readonly server: Pick<SimServer, 'setFault'>) {}

  set(fault: CrmFault | null, options?: { times?: number }): void {
    if (fault !== null && SHARED_KINDS.has(fault.kind)) {
      this.current = null;
      this.server.setFault(fault, options);
      return;
    }
    this.server.setFault(null);
    this.current = fault === null ? null : { fault, left: options?.times ?? null };
  }

  /** True when a fault of `kind` is on: it is played on this request, which counts as one of its `times`. */
  take(kind: CrmFault['kind']): boolean {
    if (this.current?.fault.kind !== kind) return false;
    if (this.current.left !== null) {
      this.current.left -= 1;
      if (this.current.left <= 0) this.current = null;
    }
    return true;
  }
}

/** A body in a shape SmartAdvocate never answers: its first property renamed (an API that changed), deep first. */
export function malform(body: unknown): unknown {
  if (Array.isArray(body)) return body.length > 0 ? [malform(body[0]), ...body.slice(1)] : { message: 'An object where a list was expected' };
  if (body !== null && typeof body === 'object') {
    const entries = Object.entries(body);
    const [key, value] = entries[0] ?? ['(none)', null];
    return Object.fromEntries([[`${key}Renamed`, value], ...entries.slice(1)]);
  }
  return { unexpected: body ?? null };
}
