// The CRM integrations front door: the factory, the handlers of `crm.*` (but the inbound webhook's), the card
// source, and the services demo mode and the sync engine use (demo connections, a ready connector per CRM).
import type { CrmConnectorId } from '../../shared/domain/connectors';
import type { CrmConnectionView, CrmTestResult } from '../../shared/domain/crm';
import type { CrmConnector } from '../connectors';
import type { Crm } from './create-crm';
import type { DemoConnectInput } from './demo-connect';

export { createCrm, type Crm, type CrmDeps, type CrmOptions } from './create-crm';
export { crmHandlers, type CrmConnectionHandlers, type CrmHandlerDeps } from './crm-handlers';
export { crmCardSource } from './crm-card';
export type { DemoConnectInput } from './demo-connect';
export type { FieldSheetInput, FieldSheetResult } from './catalog-service';

/** Connects a CRM to a demo simulator on this computer (credentials in memory only, is_demo, marked Demo). */
export const connectDemo = (crm: Crm, input: DemoConnectInput): Promise<CrmTestResult> => crm.connectDemo(input);

/** Ends a demo connection of `id`; a real connection is left alone. */
export const disconnectDemo = (crm: Crm, id: CrmConnectorId): Promise<CrmConnectionView> => crm.disconnectDemo(id);

/** Demo mode's wipe: ends a demo connection and forgets it with its catalog; a real connection is left alone. */
export const forgetDemo = (crm: Crm, id: CrmConnectorId): Promise<CrmConnectionView> => crm.forgetDemo(id);

/** The ready connector of a connected CRM, for the sync engine; null when it is not connected. */
export const connectorFor = (crm: Crm, id: CrmConnectorId): Promise<CrmConnector | null> => crm.connectorFor(id);
