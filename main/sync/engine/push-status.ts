// What the push of one integration shows: changes waiting, the last push, linked records and the per-record
// errors with the CRM's answer; and "Retry now" for one record.
import type { CrmConnectorId } from '../../../shared/domain/connectors';
import { AppError } from '../../../shared/result';
import type { Clock } from '../../kernel';
import type { PushEngine } from './push-engine';

export function createPushStatus(engine: PushEngine, clock: Clock) {
  const { store } = engine;
  return {
    status(crm: CrmConnectorId) {
      const cursor = store.cursor(crm);
      const state = engine.pusher(crm).state();
      return {
        crm,
        /** Kayse changes not yet sent (the CRM's own changes are never sent, so not counted). */
        pending: cursor === null ? 0 : store.pendingCount(crm, cursor),
        lastPushAt: state.lastPushAt ?? store.lastSynced(crm),
        waitingUntil: state.waitingUntil,
        linked: store.linkCount(crm),
        errors: store.errors(crm),
      };
    },
    /** "Retry now": the record's error is due at once and a pass starts. */
    retryRecord(crm: CrmConnectorId, caseId: string) {
      if (!store.retryNow(crm, caseId, clock.now().toISOString())) throw new AppError('NOT_FOUND', `Case ${caseId} has no error to retry with this CRM.`);
      engine.kick(crm);
    },
  };
}
