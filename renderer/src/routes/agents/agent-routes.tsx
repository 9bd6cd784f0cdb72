// The Agent Builder's routes, spread into the app's router.
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lazy-page';

const AgentPage = lazyPage(() => import('./agent-page'), 'AgentPage');
const AgentsPage = lazyPage(() => import('./agents-page'), 'AgentsPage');

/** Workspace → Agents and one agent. */
export const agentRoutes: RouteObject[] = [
  { path: 'agents', element: <AgentsPage /> },
  { path: 'agents/:id', element: <AgentPage /> },
];
