// What the Configuration tab shows for LawRuler's inbound webhook: the URL to enter, the header, whether a secret
// exists, what arrived, and the steps in LawRuler's own words (Setup → Webhooks).
import type { InboundWebhookView } from '../../../shared/domain/crm';
import { LAWRULER_STATUS_WEBHOOK_FIELDS } from '../../connectors';
import type { IngestStatus } from '../../../shared/contract/events';
import type { InboundSecretState } from './inbound-secrets';
import { INBOUND_SECRET_HEADER } from './inbound-secrets';

/** Where LawRuler posts its status changes, below the ingest server's address. */
export const LAWRULER_WEBHOOK_PATH = '/v1/crm/lawruler/webhook';

export interface ViewInputs {
  ingest: IngestStatus;
  secret: InboundSecretState | null;
  received: number;
  lastReceivedAt: string | null;
}

function urlStep(ingest: IngestStatus, url: string | null): string {
  if (!url) {
    const why = ingest.error ? ` (${ingest.error})` : '';
    return `URL: the console's ingest server is not running${why}, so there is no address to give LawRuler yet. Start it, then come back here for the URL.`;
  }
  const reach = ingest.loopbackOnly
    ? ' This address only works on this computer: LawRuler calls from the internet, so publish it through the firm’s HTTPS reverse proxy or tunnel and enter that public address, ending in the same path.'
    : ' LawRuler calls from the internet: enter the public HTTPS address that forwards to it (the firm’s reverse proxy), ending in the same path.';
  return `URL: ${url}.${reach}`;
}

/** The steps to set the webhook up in LawRuler, in order. */
export function lawRulerWebhookSteps(ingest: IngestStatus, url: string | null, headerName: string, configured: boolean): string[] {
  const value = configured
    ? 'the secret shown when it was generated (if you no longer have it, generate a new one here: the old one stops working at once)'
    : 'a secret: generate one here first (it is shown once)';
  return [
    'In LawRuler, open Setup → Webhooks and add a webhook that fires when a lead’s status changes (filter it by case type and status if only some leads should reach the console).',
    urlStep(ingest, url),
    'Method: POST.',
    `Custom header: name ${headerName}, value ${value}.`,
    `Fields to include (form data or JSON; every one is required, or the call is refused with 400 naming what is missing): ${LAWRULER_STATUS_WEBHOOK_FIELDS.join(', ')}.`,
    'Save the webhook, then change a lead’s status in LawRuler: the received count here goes up.',
  ];
}

/** The view of the contract's `crm.inboundWebhook`. */
export function inboundWebhookView({ ingest, secret, received, lastReceivedAt }: ViewInputs): InboundWebhookView {
  const url = ingest.listening && ingest.url ? `${ingest.url}${LAWRULER_WEBHOOK_PATH}` : null;
  const headerName = secret?.headerName ?? INBOUND_SECRET_HEADER;
  return {
    crm: 'lawruler',
    url,
    headerName,
    configured: secret !== null,
    secretCreatedAt: secret?.createdAt ?? null,
    received,
    lastReceivedAt,
    steps: lawRulerWebhookSteps(ingest, url, headerName, secret !== null),
  };
}
