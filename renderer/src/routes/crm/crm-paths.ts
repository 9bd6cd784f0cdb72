// Where each CRM's screens live, and how each CRM is named on them.
import { CONNECTOR_NAMES, type CrmConnectorId } from '../../../../shared/domain/connectors';

export const INTEGRATIONS_PATH = '/settings/integrations';

/** The CRM's detail screen (the Configuration tab for now). */
export const crmPath = (crm: CrmConnectorId) => `${INTEGRATIONS_PATH}/${crm}`;

export const crmName = (crm: CrmConnectorId) => CONNECTOR_NAMES[crm];
