// LawRuler's status-change webhook, as the simulated portal sends it: a form-encoded POST with the fields Kayse
// requires and the firm's static header (no signature), to the URL set up under Setup → Webhooks.
import { LAWRULER_STATUS_WEBHOOK_FIELDS, type LawRulerStatusWebhookField } from '../status-webhook';
import type { SimCatalog } from './sim-catalog';
import type { SimLead } from './sim-leads';

export interface SimWebhookTarget {
  url: string;
  /** The custom header LawRuler sends for auth, e.g. `X-Kayse-Secret`. */
  headerName: string;
  headerValue: string;
}

export interface SimWebhookDelivery {
  leadId: string;
  statusId: string;
  /** The receiver's HTTP status, or why there was none. */
  outcome: number | string;
}

export interface SimWebhookSender {
  setTarget(target: SimWebhookTarget | null): void;
  statusChanged(lead: SimLead, catalog: SimCatalog): void;
  deliveries(): SimWebhookDelivery[];
  /** Waits for every webhook sent so far to be answered (or to fail). */
  flush(): Promise<void>;
}

/** The webhook's form fields for a lead. */
export function webhookFields(lead: SimLead, catalog: SimCatalog): Record<LawRulerStatusWebhookField, string> {
  return {
    'Lead ID': String(lead.id),
    'Case Type ID': String(lead.caseTypeId),
    'Case Type': catalog.caseTypeName(lead.caseTypeId),
    'Status ID': String(lead.statusId),
    Status: catalog.statusName(lead.statusId),
    'Full Name': `${lead.firstName} ${lead.lastName}`.trim(),
    'Created Date': new Date(lead.createdMs).toISOString(),
    'Primary Contact ID': String(lead.contactId),
    'First Name': lead.firstName,
    'Last Name': lead.lastName,
  };
}

export function createWebhookSender(initial: SimWebhookTarget | null, timeoutMs = 5_000): SimWebhookSender {
  let target = initial;
  const log: SimWebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  return {
    setTarget: (next) => void (target = next),
    statusChanged(lead, catalog) {
      if (!target) return;
      const fields = webhookFields(lead, catalog);
      const body = new URLSearchParams(LAWRULER_STATUS_WEBHOOK_FIELDS.map((f): [string, string] => [f, fields[f]]));
      const delivery: SimWebhookDelivery = { leadId: fields['Lead ID'], statusId: fields['Status ID'], outcome: 'pending' };
      log.push(delivery);
      const sending = fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', [target.headerName]: target.headerValue },
        body: body.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      })
        .then(async (res) => {
          await res.arrayBuffer();
          delivery.outcome = res.status;
        })
        .catch((error: unknown) => {
          delivery.outcome = error instanceof Error ? error.message : String(error);
        })
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    deliveries: () => log.map((d) => ({ ...d })),
    flush: async () => {
      await Promise.all([...inFlight]);
    },
  };
}
