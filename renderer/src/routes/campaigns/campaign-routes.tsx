// The Campaigns screens' routes, spread into the app's router.
import type { RouteObject } from 'react-router';
import { CampaignPage } from './campaign-page';
import { CampaignsPage } from './campaigns-page';

/** Routes under the app frame: the list and one campaign (?tab=workflows for its Workflows tab). */
export const campaignRoutes: RouteObject[] = [
  { path: 'campaigns', element: <CampaignsPage /> },
  { path: 'campaigns/:id', element: <CampaignPage /> },
];
