// The Webhooks screens' routes, spread into the app's router (more specific than settings/integrations/:id).
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lazy-page';

const NewWebhookPage = lazyPage(() => import('./new-webhook-page'), 'NewWebhookPage');
const WebhookPage = lazyPage(() => import('./webhook-page'), 'WebhookPage');
const WebhooksPage = lazyPage(() => import('./webhooks-page'), 'WebhooksPage');

/** Routes under the app frame: the list, New, and one webhook. */
export const webhookRoutes: RouteObject[] = [
  { path: 'settings/integrations/webhooks', element: <WebhooksPage /> },
  { path: 'settings/integrations/webhooks/new', element: <NewWebhookPage /> },
  { path: 'settings/integrations/webhooks/:id', element: <WebhookPage /> },
];
