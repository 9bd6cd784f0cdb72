// The delivery log inspector's routes (the live log, an imported bundle), spread into the app's router.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lazy-page';

const DeliveriesPage = lazyPage(() => import('./deliveries-page'), 'DeliveriesPage');
const ImportedBundlePage = lazyPage(() => import('./imported-bundle-page'), 'ImportedBundlePage');

/** Routes under the app frame. Part of the webhooks screens link here with `?webhookId=`. */
export const deliveryRoutes: RouteObject[] = [
  { path: 'webhooks/deliveries', element: <DeliveriesPage /> },
  { path: 'webhooks/deliveries/imported', element: <ImportedBundlePage /> },
];
