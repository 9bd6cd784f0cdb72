// The CRM cards of Settings → Integrations: Not connected / Connected ("as <user>", Demo) / Error (what, since
// when) / Paused (Enable integration off, or the sync paused after the CRM refused the credentials: the reason and
// what to do), read from the connection and the sync's pause at call time.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { IntegrationCardState } from '../../shared/domain/integrations';
import type { Crm } from './create-crm';

/** Why the sync of a CRM is paused (sync/), if it is. */
export type SyncPauseOf = (id: CrmConnectorId) => { reason: string; fix: string } | null;

/** The card source of one CRM, for the integration catalog. */
export function crmCardSource(crm: Crm, id: CrmConnectorId, syncPauseOf?: SyncPauseOf): () => IntegrationCardState {
  return () => {
    const card = crm.cardState(id);
    const pause = card.status === 'connected' ? (syncPauseOf?.(id) ?? null) : null;
    return pause ? { status: 'paused', statusDetail: `Paused: ${pause.reason}. ${pause.fix}` } : card;
  };
}
