// Where the webhook screens live, and the link to the delivery inspector (Recent deliveries).

/** Settings → Integrations → Webhooks (the card's "Open" leads here). */
export const WEBHOOKS_PATH = '/settings/integrations/webhooks';

/** The New form; with a campaign, the webhook is scoped to it (its campaign filter is fixed). */
export const newWebhookPath = (campaignId?: string | null): string =>
  campaignId ? `${WEBHOOKS_PATH}/new?campaignId=${encodeURIComponent(campaignId)}` : `${WEBHOOKS_PATH}/new`;

/** One webhook's edit page. */
export const webhookPath = (id: string): string => `${WEBHOOKS_PATH}/${encodeURIComponent(id)}`;

/** The delivery inspector (Recent deliveries), for one webhook or for all. */
export const deliveriesPath = (webhookId?: string): string =>
  webhookId ? `/webhooks/deliveries?webhookId=${encodeURIComponent(webhookId)}` : '/webhooks/deliveries';
