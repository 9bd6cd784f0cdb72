// The CRM cards of Settings → Integrations: Not connected / Connected ("as <user>", Demo) / Error (what, since
// when) / Paused (Enable integration off), read from the connection at call time.
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { IntegrationCardState } from '../../shared/domain/integrations';
import type { Crm } from './create-crm';

/** The card source of one CRM, for the integration catalog. */
export function crmCardSource(crm: Crm, id: CrmConnectorId): () => IntegrationCardState {
  return () => crm.cardState(id);
}
