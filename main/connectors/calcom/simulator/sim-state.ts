// The simulator's state: hosts, event types, keys and bookings, and the clock everything is decided by.
import type { Clock } from '../../../kernel';
import type { SimBooking } from './sim-availability';
import { SIM_EVENT_TYPES, SIM_KEY_LIST, SIM_USERS, type SimEventType, type SimKey, type SimUser } from './sim-seed';
import { bookingOutput } from './sim-wire';

export interface SimState {
  readonly users: SimUser[];
  readonly eventTypes: SimEventType[];
  readonly keys: SimKey[];
  readonly bookings: SimBooking[];
  now(): Date;
  user(id: number): SimUser;
  addBooking(et: SimEventType, startMs: number, attendee: SimBooking['attendee'], metadata: Record<string, string>): SimBooking;
  output(b: SimBooking): Record<string, unknown>;
}

export function createSimState(clock: Clock): SimState {
  const users = SIM_USERS.map((u) => ({ ...u, schedule: { ...u.schedule, days: [...u.schedule.days] } }));
  const eventTypes = SIM_EVENT_TYPES.map((e) => ({ ...e }));
  const bookings: SimBooking[] = [];
  let nextId = 9001;
  const user = (id: number) => {
    const found = users.find((u) => u.id === id);
    if (!found) throw new Error(`simulator: no user ${id}`);
    return found;
  };
  return {
    users,
    eventTypes,
    keys: SIM_KEY_LIST.map((k) => ({ ...k })),
    bookings,
    now: () => clock.now(),
    user,
    addBooking(et, startMs, attendee, metadata) {
      const id = nextId++;
      const booking: SimBooking = {
        id,
        uid: `sim-${id.toString(36)}-${et.slug}`,
        eventTypeId: et.id,
        hostId: et.hostId,
        startMs,
        endMs: startMs + et.lengthInMinutes * 60_000,
        status: 'accepted',
        attendee: { ...attendee },
        metadata: { ...metadata },
        createdAt: clock.now().toISOString(),
      };
      bookings.push(booking);
      return booking;
    },
    output(b) {
      const et = eventTypes.find((e) => e.id === b.eventTypeId)!;
      return bookingOutput(b, et, user(et.hostId));
    },
  };
}
