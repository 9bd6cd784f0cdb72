// The CRM screens' routes, spread into the app's router (more specific than settings/integrations/:id).
import type { RouteObject } from 'react-router';
import { CRM_CONNECTOR_IDS } from '../../../../shared/domain/connectors';
import { crmPath } from './crm-paths';
import { lazyPage } from '../../lazy-page';

const CrmPage = lazyPage(() => import('./crm-page'), 'CrmPage');

export const crmRoutes: RouteObject[] = CRM_CONNECTOR_IDS.map((crm) => ({
  path: crmPath(crm).slice(1),
  element: <CrmPage key={crm} crm={crm} />,
}));
