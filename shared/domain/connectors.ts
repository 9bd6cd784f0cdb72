// The external services the console connects to: one list, from which the integration cards, the change origins
// (a record changed by a CRM's sync names that CRM) and the database enums are derived.
import { z } from 'zod';

/** CRMs that sync cases, clients and statuses both ways. */
export const CRM_CONNECTOR_IDS = ['lawruler', 'smartadvocate'] as const;
export const crmConnectorIdSchema = z.enum(CRM_CONNECTOR_IDS);
export type CrmConnectorId = z.infer<typeof crmConnectorIdSchema>;

/** Scheduling providers voice agents book through. */
export const SCHEDULING_CONNECTOR_IDS = ['calcom'] as const;
export type SchedulingConnectorId = (typeof SCHEDULING_CONNECTOR_IDS)[number];

export const CONNECTOR_IDS = [...CRM_CONNECTOR_IDS, ...SCHEDULING_CONNECTOR_IDS] as const;
export type ConnectorId = (typeof CONNECTOR_IDS)[number];

/** How each service is named on screen. */
export const CONNECTOR_NAMES: Record<ConnectorId, string> = {
  lawruler: 'LawRuler',
  smartadvocate: 'SmartAdvocate',
  calcom: 'Cal.com',
};
