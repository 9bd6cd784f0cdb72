// The integration cards of Settings → Integrations. This folder only collects: each capability exports its own
// card source from its front door (webhooks/ today, the CRM connectors and scheduling as they land), and a card
// without a source says "Not connected".
import { CONNECTOR_NAMES } from '../../shared/domain/connectors';
import type { IntegrationCardState, IntegrationId, IntegrationSummary } from '../../shared/domain/integrations';
import { AppError } from '../../shared/result';

const CATALOG: readonly Omit<IntegrationSummary, 'status' | 'statusDetail'>[] = [
  { id: 'lawruler', name: CONNECTOR_NAMES.lawruler, category: 'crm', description: 'Two-way sync of cases, clients and statuses with LawRuler.' },
  { id: 'smartadvocate', name: CONNECTOR_NAMES.smartadvocate, category: 'crm', description: 'Two-way sync of cases, contacts, statuses and substatuses with SmartAdvocate.' },
  { id: 'scheduling', name: 'Scheduling', category: 'scheduling', description: 'Lets voice agents check availability and book appointments (Cal.com).' },
  { id: 'webhooks', name: 'Webhooks', category: 'webhooks', description: 'Signed, retried deliveries of Kayse events to your HTTPS endpoints.' },
];

/** A card's live state, as its capability reports it. */
export type CardState = IntegrationCardState;

/** Where a card's state comes from; cards without a source are "Not connected". */
export type CardSources = Partial<Record<IntegrationId, () => CardState>>;

export interface IntegrationCatalog {
  list(): IntegrationSummary[];
  get(id: IntegrationId): IntegrationSummary;
}

const NOT_CONNECTED: CardState = { status: 'not_connected', statusDetail: null };

/** The catalog; each card's state is asked of its source at read time. */
export function createIntegrationCatalog(sources: CardSources = {}): IntegrationCatalog {
  const summarise = (entry: (typeof CATALOG)[number]): IntegrationSummary => ({
    ...entry,
    ...(sources[entry.id]?.() ?? NOT_CONNECTED),
  });
  return {
    list: () => CATALOG.map(summarise),
    get(id) {
      const entry = CATALOG.find((e) => e.id === id);
      if (!entry) throw new AppError('NOT_FOUND', `No integration "${id}".`);
      return summarise(entry);
    },
  };
}
