// Handlers of the `scheduling.*` procedures (the connection side). The booking-backed `schedulingBooking.*` ones
// join when the booking service (./booking) exists.
import type { schedulingContract } from '../../shared/contract/scheduling';
import type { Handlers } from '../../shared/rpc';
import type { Scheduling } from './create-scheduling';

export interface SchedulingHandlerDeps {
  scheduling: Scheduling;
}

export function schedulingHandlers({ scheduling }: SchedulingHandlerDeps): Handlers<typeof schedulingContract> {
  return {
    scheduling: {
      connection: () => scheduling.connection(),
      connect: (input) => scheduling.connect(input),
      disconnect: () => scheduling.disconnect(),
      lookupEventType: ({ eventType }) => scheduling.lookupEventType(eventType),
      agents: () => scheduling.agents(),
    },
  };
}
