// Handlers of the `scheduling.*` procedures (the connection side) and of `schedulingBooking.*` (Try it and the
// Activity view, over the booking service in ./booking).
import type { schedulingBookingContract, schedulingContract } from '../../shared/contract/scheduling';
import type { Handlers } from '../../shared/rpc';
import type { Scheduling } from './create-scheduling';

export interface SchedulingHandlerDeps {
  scheduling: Scheduling;
}

export function schedulingHandlers({ scheduling }: SchedulingHandlerDeps): Handlers<typeof schedulingContract & typeof schedulingBookingContract> {
  return {
    scheduling: {
      connection: () => scheduling.connection(),
      connect: (input) => scheduling.connect(input),
      disconnect: () => scheduling.disconnect(),
      lookupEventType: ({ eventType }) => scheduling.lookupEventType(eventType),
      agents: () => scheduling.agents(),
    },
    schedulingBooking: {
      slots: (input) => scheduling.tryIt.slots(input),
      book: (input) => scheduling.tryIt.book(input),
      cancel: ({ bookingUid }) => scheduling.tryIt.cancel(bookingUid),
      activity: (query) => scheduling.activity(query),
    },
  };
}
