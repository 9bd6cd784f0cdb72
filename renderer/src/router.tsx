// The console's screens. Hash routing, because Electron loads the renderer from a file:// URL.
import { createHashRouter, Navigate } from 'react-router';
import { AppLayout } from './components/app-layout';
import { AboutPage } from './routes/about-page';
import { CompanyPage } from './routes/company-page';
import { IntegrationDetailPage } from './routes/integration-detail-page';
import { IntegrationsPage } from './routes/integrations-page';
import { IngestPage } from './routes/ingest/ingest-page';
import { ExportPage } from './routes/transfer/export-page';
import { ImportPage } from './routes/transfer/import-page';
import { NotFoundPage } from './routes/not-found-page';
import { recordRoutes } from './routes/records/record-routes';
import { deliveryRoutes } from './routes/deliveries/delivery-routes';
import { webhookRoutes } from './routes/webhooks/webhook-routes';
import { campaignRoutes } from './routes/campaigns/campaign-routes';
import { crmRoutes } from './routes/crm/crm-routes';
import { RouteErrorPage } from './routes/route-error-page';

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
            ...campaignRoutes,
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
