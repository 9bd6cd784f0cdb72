// When each mapped Kayse field of a case last changed, read from the record change log (the case's and its primary
// client's newest changes), so that most_recent compares a field's own change with the CRM's rather than the time the
// case was last touched for any reason.
import type { ApplyDeps } from './pull-apply';

/** Changes looked back through for a field's last change in Kayse. */
const HISTORY_DEPTH = 50;
const CLIENT_KEYS: Record<string, string> = { 'client.first_name': 'firstName', 'client.last_name': 'lastName', 'client.phone': 'phones', 'client.email': 'emails' };
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** When each Kayse field last changed (from the record change log), so most_recent compares the field's own times. */
export function fieldChangeTimes(d: Pick<ApplyDeps, 'store'>, caseId: string, clientId: string | null): (kayseField: string) => string | undefined {
  const caseLog = d.store.recentChanges('case', caseId, HISTORY_DEPTH);
  const clientLog = clientId ? d.store.recentChanges('client', clientId, HISTORY_DEPTH) : [];
  return (key) => {
    if (key === 'case.name' || key === 'case.status') return caseLog.find((c) => key.slice(5) in c.changes)?.at;
    const prop = CLIENT_KEYS[key];
    if (prop) {
      // Of the phone and email lists only the first is mapped; a name is one string (indexing it would compare its
      // first letters only, and miss a rename that keeps them).
      const mapped = (v: unknown) => (Array.isArray(v) ? (v as unknown[])[0] : v);
      return clientLog.find((c) => prop in c.changes && !same(mapped(c.changes[prop]!.old), mapped(c.changes[prop]!.new)))?.at;
    }
    const field = key.startsWith('custom.') ? key.split('.')[2] : undefined;
    if (!field) return undefined;
    return caseLog.find((c) => {
      const values = c.changes.customValues as { old: Record<string, unknown> | null; new: Record<string, unknown> | null } | undefined;
      return values !== undefined && !same(values.old?.[field], values.new?.[field]);
    })?.at;
  };
}
