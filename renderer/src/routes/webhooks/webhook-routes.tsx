// The Webhooks screens' routes, spread into the app's router (more specific than settings/integrations/:id).
import type { RouteObject } from 'react-router';
import { NewWebhookPage } from './new-webhook-page';
import { WebhookPage } from './webhook-page';
import { WebhooksPage } from './webhooks-page';

/** Routes under the app frame: the list, New, and one webhook. */
export const webhookRoutes: RouteObject[] = [
  { path: 'settings/integrations/webhooks', element: <WebhooksPage /> },
  { path: 'settings/integrations/webhooks/new', element: <NewWebhookPage /> },
  { path: 'settings/integrations/webhooks/:id', element: <WebhookPage /> },
];
