import { z } from 'zod';
import { CRM_CONNECTOR_IDS } from './connectors';

/** The cards of Settings → Integrations: one per CRM, then scheduling (whatever its provider) and webhooks. */
export const INTEGRATION_IDS = [...CRM_CONNECTOR_IDS, 'scheduling', 'webhooks'] as const;
export const integrationIdSchema = z.enum(INTEGRATION_IDS);
export type IntegrationId = z.infer<typeof integrationIdSchema>;

export const INTEGRATION_STATUSES = ['not_connected', 'connected', 'error', 'paused'] as const;
export const integrationStatusSchema = z.enum(INTEGRATION_STATUSES);
export type IntegrationStatus = z.infer<typeof integrationStatusSchema>;

export const integrationSummarySchema = z.object({
  id: integrationIdSchema,
  name: z.string(),
  category: z.enum(['crm', 'scheduling', 'webhooks']),
  description: z.string(),
  status: integrationStatusSchema,
  /** One line under the badge: what is wrong, or what is set up. */
  statusDetail: z.string().nullable(),
});
export type IntegrationSummary = z.infer<typeof integrationSummarySchema>;

/** A card's live state, as its capability reports it. */
export type IntegrationCardState = Pick<IntegrationSummary, 'status' | 'statusDetail'>;
