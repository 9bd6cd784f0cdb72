// The console's screens. Hash routing, because Electron loads the renderer from a file:// URL.
import { createHashRouter, Navigate } from 'react-router';
import { AppLayout } from './components/app-layout';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './routes/not-found-page';
import { recordRoutes } from './routes/records/record-routes';
import { deliveryRoutes } from './routes/deliveries/delivery-routes';
import { webhookRoutes } from './routes/webhooks/webhook-routes';
import { campaignRoutes } from './routes/campaigns/campaign-routes';
import { crmRoutes } from './routes/crm/crm-routes';
import { agentRoutes } from './routes/agents/agent-routes';
import { schedulingRoutes } from './routes/scheduling/scheduling-routes';
import { RouteErrorPage } from './routes/route-error-page';

// Each screen is its own chunk (lazyPage); the frame, the error and not-found pages stay in the entry.
const AboutPage = lazyPage(() => import('./routes/about-page'), 'AboutPage');
const CompanyPage = lazyPage(() => import('./routes/company-page'), 'CompanyPage');
const IntegrationDetailPage = lazyPage(() => import('./routes/integration-detail-page'), 'IntegrationDetailPage');
const IntegrationsPage = lazyPage(() => import('./routes/integrations-page'), 'IntegrationsPage');
const IngestPage = lazyPage(() => import('./routes/ingest/ingest-page'), 'IngestPage');
const ExportPage = lazyPage(() => import('./routes/transfer/export-page'), 'ExportPage');
const ImportPage = lazyPage(() => import('./routes/transfer/import-page'), 'ImportPage');

/** Builds the router; a function so that tests and hosts each get their own history. */
export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          // A screen that throws keeps the frame (header, navbar) around its error.
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <Navigate to="/settings/integrations" replace /> },
            { path: 'settings', element: <Navigate to="/settings/integrations" replace /> },
            { path: 'settings/integrations', element: <IntegrationsPage /> },
            { path: 'settings/integrations/:id', element: <IntegrationDetailPage /> },
            { path: 'settings/company', element: <CompanyPage /> },
            { path: 'settings/about', element: <AboutPage /> },
            { path: 'settings/ingest', element: <IngestPage /> },
            { path: 'import', element: <ImportPage /> },
            { path: 'export', element: <ExportPage /> },
            ...recordRoutes,
            ...deliveryRoutes,
            ...webhookRoutes,
            ...crmRoutes,
            ...schedulingRoutes,
            ...campaignRoutes,
            ...agentRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
