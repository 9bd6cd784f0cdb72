// The delivery log inspector's routes (the live log, an imported bundle), spread into the app's router.
import type { RouteObject } from 'react-router';
import { DeliveriesPage } from './deliveries-page';
import { ImportedBundlePage } from './imported-bundle-page';

/** Routes under the app frame. Part of the webhooks screens link here with `?webhookId=`. */
export const deliveryRoutes: RouteObject[] = [
  { path: 'webhooks/deliveries', element: <DeliveriesPage /> },
  { path: 'webhooks/deliveries/imported', element: <ImportedBundlePage /> },
];
