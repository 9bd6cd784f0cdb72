// The Workspace screens' routes (cases, clients, events), spread into the app's router.
import type { RouteObject } from 'react-router';
import { CaseDetailPage } from './case-detail-page';
import { CasesPage } from './cases-page';
import { ClientDetailPage } from './client-detail-page';
import { ClientsPage } from './clients-page';
import { EventsPage } from './events-page';

/** Routes under the app frame: lists and record details. */
export const recordRoutes: RouteObject[] = [
  { path: 'cases', element: <CasesPage /> },
  { path: 'cases/:id', element: <CaseDetailPage /> },
  { path: 'clients', element: <ClientsPage /> },
  { path: 'clients/:id', element: <ClientDetailPage /> },
  { path: 'events', element: <EventsPage /> },
];
