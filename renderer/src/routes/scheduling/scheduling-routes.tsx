// The Scheduling screen's route, spread into the app's router (more specific than settings/integrations/:id).
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../lazy-page';
import { SCHEDULING_PATH } from './scheduling-paths';

const SchedulingPage = lazyPage(() => import('./scheduling-page'), 'SchedulingPage');

export const schedulingRoutes: RouteObject[] = [{ path: SCHEDULING_PATH.slice(1), element: <SchedulingPage /> }];
