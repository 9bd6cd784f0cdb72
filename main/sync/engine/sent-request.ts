// The call a push attempt sent last (or was about to send), kept with the record's error so that support sees what
// the CRM refused, not the request rebuilt from the case as it is now. Written just before each create or update
// goes out: a call whose answer never came counts as sent. Values are named as the snapshot names them (standard.*,
// custom field ids, `$status`), so the sent call reads beside the next attempt's request and the mapped values.
import type { SentRequest } from '../../../shared/domain/sync-monitoring';
import type { CrmChanges, CrmRecordInput } from '../../connectors';
import type { Clock } from '../../kernel';
import { STATUS_KEY } from './case-values';

/** One push attempt's holder, threaded from pushCase to where it records a failure. */
export interface Attempt {
  sent: SentRequest | null;
}

const STANDARD = { firstName: 'standard.first_name', lastName: 'standard.last_name', phone: 'standard.phone', email: 'standard.email' } as const;

/** An update's changes or a create's input as CRM field id → value (the inverse of toChanges; a create's summary and case type are not field values). */
export function sentValues(body: CrmChanges | CrmRecordInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [prop, key] of Object.entries(STANDARD)) {
    const value = body[prop as keyof typeof STANDARD];
    if (value !== undefined) out[key] = value;
  }
  if (body.statusId !== undefined) out[STATUS_KEY] = { statusId: body.statusId, substatuses: body.substatuses ?? [] };
  return { ...out, ...body.fields };
}

/** Notes the call about to go out as the attempt's last one. */
export function noteSent(attempt: Attempt | undefined, clock: Clock, call: { operation: 'create'; input: CrmRecordInput } | { operation: 'update'; crmRecordId: string; changes: CrmChanges }): void {
  if (!attempt) return;
  attempt.sent =
    call.operation === 'create'
      ? { operation: 'create', crmRecordId: null, values: sentValues(call.input), at: clock.now().toISOString() }
      : { operation: 'update', crmRecordId: call.crmRecordId, values: sentValues(call.changes), at: clock.now().toISOString() };
}
