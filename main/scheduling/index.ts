// The scheduling front door: the factory, the handlers of `scheduling.*`, the Integrations card source, and what
// demo mode and the booking service use (the demo connection, the ready Cal.com client).
import type { IntegrationCardState } from '../../shared/domain/integrations';
import type { Scheduling } from './create-scheduling';

export { createScheduling, type Scheduling, type SchedulingDeps, type SchedulingOptions } from './create-scheduling';
export { schedulingHandlers, type SchedulingHandlerDeps } from './scheduling-handlers';
export { SCHEDULING_KEY_ACCOUNT } from './connection-service';
export { cannotBookReason } from './agents-view';

/** The Scheduling card of Settings → Integrations. */
export const schedulingCardSource =
  (scheduling: Scheduling): (() => IntegrationCardState) =>
  () =>
    scheduling.cardState();
