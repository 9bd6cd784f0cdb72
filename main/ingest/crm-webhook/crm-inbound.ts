// Inbound CRM webhooks as one service (`core.ingest.crmInbound`): the shared secret, the calls accepted (stored
// durably, then announced), and the view the Configuration tab shows. The HTTP route and the handlers use it.
import type Database from 'better-sqlite3';
import type { IngestStatus } from '../../../shared/contract/events';
import type { InboundWebhookView } from '../../../shared/domain/crm';
import type { LawRulerStatusChange } from '../../connectors';
import { announceChanged, type Clock, type EventBus, type IdGenerator } from '../../kernel';
import { createInboundEvents, type StoredCall } from './inbound-events';
import { createInboundSecrets, type SecretCheck } from './inbound-secrets';
import { inboundWebhookView } from './inbound-webhook-view';

export interface CrmInbound {
  /** Checks the secret a LawRuler call presented. */
  checkSecret(presented: string | undefined): SecretCheck;
  /** Stores an accepted status change; resolves once it is durable (then `crm_inbound_events` is announced). */
  acceptLawRuler(change: LawRulerStatusChange): Promise<StoredCall>;
  view(ingest: IngestStatus): InboundWebhookView;
  /** A new secret (the old one refused from now on), with the view; the secret is shown this once. */
  rotate(ingest: IngestStatus): InboundWebhookView & { secret: string };
}

export interface CrmInboundDeps {
  sqlite: Database.Database;
  clock: Clock;
  ids: IdGenerator;
  events: EventBus;
}

export function createCrmInbound({ sqlite, clock, ids, events }: CrmInboundDeps): CrmInbound {
  const secrets = createInboundSecrets(sqlite, clock);
  const calls = createInboundEvents(sqlite, ids);
  const view = (ingest: IngestStatus) => inboundWebhookView({ ingest, secret: secrets.state('lawruler'), ...calls.stats('lawruler') });

  return {
    checkSecret: (presented) => secrets.check('lawruler', presented),
    async acceptLawRuler(change) {
      const stored = await calls.store({
        crm: 'lawruler',
        recordId: change.leadId,
        payload: { ...change },
        receivedAt: clock.now().toISOString(),
      });
      if (!stored.duplicate) announceChanged(events, ['crm_inbound_events']);
      return stored;
    },
    view,
    rotate(ingest) {
      const { secret } = secrets.rotate('lawruler');
      announceChanged(events, ['crm_inbound_secrets']);
      return { ...view(ingest), secret };
    },
  };
}
