// What the Cal.com simulator holds at start: two hosts with weekly availability in their own time zones, event
// types of several lengths (one a team event type, which GET /v2/event-types/{id} doesn't find but slots and
// bookings do), and API keys: one valid, one expired. Fixed values, so tests and `npm run sim` agree.

export interface SimUser {
  id: number;
  username: string;
  name: string;
  email: string;
  timeZone: string;
  /** Weekly availability, local to `timeZone`: days 0 = Sunday … 6, minutes into the day [from, to). */
  schedule: { days: number[]; fromMinute: number; toMinute: number };
}

export interface SimEventType {
  id: number;
  title: string;
  slug: string;
  lengthInMinutes: number;
  /** The host whose schedule and bookings decide the slots. */
  hostId: number;
  /** A team event type: not the key owner's, so GET /v2/event-types/{id} answers 404 (it still books). */
  team: boolean;
  minimumBookingNoticeMinutes: number;
  /** How far ahead it can be booked (Cal.com's "rolling" booking window), in days. */
  bookingWindowDays: number;
}

export interface SimKey {
  key: string;
  userId: number;
  expired: boolean;
}

export const SIM_USERS: readonly SimUser[] = [
  { id: 1001, username: 'jordan-avery', name: 'Jordan Avery', email: 'jordan@avery-law.example', timeZone: 'America/New_York', schedule: { days: [1, 2, 3, 4, 5], fromMinute: 9 * 60, toMinute: 17 * 60 } },
  { id: 1002, username: 'sam-lee', name: 'Sam Lee', email: 'sam@avery-law.example', timeZone: 'Europe/London', schedule: { days: [1, 2, 3, 4, 5], fromMinute: 10 * 60, toMinute: 16 * 60 } },
];

export const SIM_EVENT_TYPES: readonly SimEventType[] = [
  { id: 501, title: 'Free consultation', slug: 'free-consultation', lengthInMinutes: 30, hostId: 1001, team: false, minimumBookingNoticeMinutes: 120, bookingWindowDays: 60 },
  { id: 502, title: 'Case review', slug: 'case-review', lengthInMinutes: 60, hostId: 1001, team: false, minimumBookingNoticeMinutes: 0, bookingWindowDays: 200 },
  { id: 601, title: 'Intake call', slug: 'intake-call', lengthInMinutes: 15, hostId: 1002, team: true, minimumBookingNoticeMinutes: 60, bookingWindowDays: 30 },
];

/** The keys the simulator knows; any other key is unknown (401 "Invalid API Key"). */
export const SIM_KEYS = {
  valid: 'cal_live_sim_4f7c2a9e1b3d5f6a8c0e2b4d6f8a1c3e',
  expired: 'cal_live_sim_expired_9d8c7b6a5f4e3d2c1b0a9f8e',
} as const;

export const SIM_KEY_LIST: readonly SimKey[] = [
  { key: SIM_KEYS.valid, userId: 1001, expired: false },
  { key: SIM_KEYS.expired, userId: 1001, expired: true },
];
