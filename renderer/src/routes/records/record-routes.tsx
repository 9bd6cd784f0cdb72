// The Workspace screens' routes (cases, clients, events), spread into the app's router.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lazy-page';

const CaseDetailPage = lazyPage(() => import('./case-detail-page'), 'CaseDetailPage');
const CasesPage = lazyPage(() => import('./cases-page'), 'CasesPage');
const ClientDetailPage = lazyPage(() => import('./client-detail-page'), 'ClientDetailPage');
const ClientsPage = lazyPage(() => import('./clients-page'), 'ClientsPage');
const EventsPage = lazyPage(() => import('./events-page'), 'EventsPage');

/** Routes under the app frame: lists and record details. */
export const recordRoutes: RouteObject[] = [
  { path: 'cases', element: <CasesPage /> },
  { path: 'cases/:id', element: <CaseDetailPage /> },
  { path: 'clients', element: <ClientsPage /> },
  { path: 'clients/:id', element: <ClientDetailPage /> },
  { path: 'events', element: <EventsPage /> },
];
