// The Campaigns screens' routes, spread into the app's router.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lazy-page';

const CampaignPage = lazyPage(() => import('./campaign-page'), 'CampaignPage');
const CampaignsPage = lazyPage(() => import('./campaigns-page'), 'CampaignsPage');

/** Routes under the app frame: the list and one campaign (?tab=workflows for its Workflows tab). */
export const campaignRoutes: RouteObject[] = [
  { path: 'campaigns', element: <CampaignsPage /> },
  { path: 'campaigns/:id', element: <CampaignPage /> },
];
