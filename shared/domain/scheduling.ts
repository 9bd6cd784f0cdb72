// Scheduling (Cal.com) as it crosses the contract: the company-level connection, the agents that book, the event
// type an agent books into, the "Try it" panel and the activity log. The API key never crosses: it goes in once
// (Connect) and lives in the keychain.
import { z } from 'zod';

/** Who the key belongs to, as Cal.com's /v2/me said when it was checked. */
export const schedulingAccountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  username: z.string().nullable(),
  /** The account's own timezone; bookings still use the company's. */
  timeZone: z.string(),
});
export type SchedulingAccount = z.infer<typeof schedulingAccountSchema>;

const connectedFields = {
  account: schedulingAccountSchema,
  /** The API root the key was checked against (https://api.cal.com, https://api.cal.eu, a self-hosted one). */
  baseUrl: z.string(),
  connectedAt: z.string(),
  /** Connected by demo mode to its Cal.com simulator (key in memory only). */
  isDemo: z.boolean(),
  /** The company's timezone: every booking is made and spoken in it. */
  companyTimeZone: z.string(),
  /** The account's timezone is not the company's: the screen warns (bookings still use the company's). */
  timezoneDiffers: z.boolean(),
};

export const schedulingConnectionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_connected'), companyTimeZone: z.string() }),
  z.object({ state: z.literal('connected'), ...connectedFields }),
  z.object({
    state: z.literal('error'),
    ...connectedFields,
    /** What is wrong and what to do ("Cal.com refused the saved key: connect with a new key"). */
    message: z.string(),
    /** key_refused: Cal.com answered 401 to the saved key; key_missing: the keychain has no key (or can't be read). */
    kind: z.enum(['key_refused', 'key_missing']),
    since: z.string(),
  }),
]);
export type SchedulingConnection = z.infer<typeof schedulingConnectionSchema>;

export const schedulingConnectInputSchema = z.strictObject({
  apiKey: z
    .string()
    .trim()
    .min(1, 'Paste the API key from Cal.com → Settings → Developer → API keys')
    .max(500, 'That is too long for a Cal.com API key: paste only the key (it starts with cal_)'),
  /** Leave out for cal.com; https://api.cal.eu for the EU region, or a self-hosted instance's API root. */
  baseUrl: z.string().trim().max(500).optional(),
});
export type SchedulingConnectInput = z.infer<typeof schedulingConnectInputSchema>;

/** The event type as the agent screen shows it after the live look-up. */
export const eventTypeSummarySchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  lengthMinutes: z.number().int().positive(),
  slug: z.string(),
});
export type EventTypeSummary = z.infer<typeof eventTypeSummarySchema>;

const EVENT_TYPE_HINT = 'Give the Event Type ID: the number at the end of the event type’s URL (e.g. https://app.cal.com/event-types/3685354)';

/**
 * The event type id in what was typed: a number, or an event-type editor URL from any Cal.com host
 * (app.cal.com, app.cal.eu, a self-hosted one: `/event-types/<id>`, with or without a query or trailing slash).
 */
export function parseEventTypeRef(input: string | number): { ok: true; id: number } | { ok: false; message: string } {
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input > 0 ? { ok: true, id: input } : { ok: false, message: `${input} is not an event type ID. ${EVENT_TYPE_HINT}.` };
  }
  const text = input.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text) > 0 ? { ok: true, id: Number(text) } : { ok: false, message: `0 is not an event type ID. ${EVENT_TYPE_HINT}.` };
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return { ok: false, message: `"${text.slice(0, 80)}" is neither a number nor a URL. ${EVENT_TYPE_HINT}.` };
  const match = /\/event-types\/(\d{1,15})\/?$/.exec(url.pathname);
  if (!match || Number(match[1]) <= 0) {
    return { ok: false, message: `That URL has no /event-types/<number> in it. Open the event type in Cal.com and copy the address of its editor. ${EVENT_TYPE_HINT}.` };
  }
  return { ok: true, id: Number(match[1]) };
}

export const eventTypeLookupInputSchema = z.strictObject({
  /** The number, or the pasted event-type URL. */
  eventType: z.union([z.number(), z.string().max(2000, 'Paste only the event type URL')]),
});

/** One row of Workspace → Agents: whether the agent books, into what, and whether it can right now. */
export const schedulingAgentRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  appointmentBooking: z.boolean(),
  eventTypeId: z.number().int().nullable(),
  /** The event type's title and length from the last live look-up of that id (null until looked up). */
  eventType: eventTypeSummarySchema.nullable(),
  /** When the agent last booked (through the booking API or Try it); null when never. */
  lastBookingAt: z.string().nullable(),
  canBook: z.boolean(),
  /** Why not, as the screen says it ("Can't book: scheduling is disconnected"); null when it can. */
  cannotBookReason: z.string().nullable(),
  isDemo: z.boolean(),
});
export type SchedulingAgentRow = z.infer<typeof schedulingAgentRowSchema>;

// ---- Try it and Activity (backed by the booking service, main/scheduling/booking) ----

/** A free slot as the voice agent hears it: the ISO start in the company timezone and the sentence it says. */
export const spokenSlotSchema = z.object({
  /** ISO with the company timezone's offset ("2026-12-08T14:30:00.000-05:00"). */
  start: z.string(),
  /** "Tuesday, December 8 at 2:30 PM". */
  spoken: z.string(),
});
export type SpokenSlot = z.infer<typeof spokenSlotSchema>;

const isoDateTime = (what: string) => z.string().trim().refine((s) => !Number.isNaN(Date.parse(s)), { message: `${what}: give an ISO date-time such as 2026-12-08T14:30:00-05:00` });

export const tryItSlotsInputSchema = z.strictObject({
  agentId: z.string().trim().min(1, 'Choose an agent'),
  /** Default: now. */
  from: isoDateTime('from').optional(),
  /** Default: the booking service's window after `from`. */
  to: isoDateTime('to').optional(),
});

export const tryItSlotsSchema = z.object({
  timeZone: z.string(),
  eventType: eventTypeSummarySchema.nullable(),
  slots: z.array(spokenSlotSchema),
});
export type TryItSlots = z.infer<typeof tryItSlotsSchema>;

export const attendeeInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Give the attendee’s name').max(200),
    email: z.email('Not an email address').optional(),
    /** E.164, e.g. +15551230001. */
    phone: z.string().trim().regex(/^\+[1-9][0-9]{1,14}$/, 'Give the phone number in E.164 form, e.g. +15551230001').optional(),
  })
  .refine((a) => a.email !== undefined || a.phone !== undefined, { message: 'Give the attendee’s email, phone, or both', path: ['email'] });

export const tryItBookInputSchema = z.strictObject({
  agentId: z.string().trim().min(1, 'Choose an agent'),
  start: isoDateTime('start'),
  attendee: attendeeInputSchema,
  /** One per booking attempt (a UUID), the same on a retry: a double submit never books twice. Default: a new one. */
  idempotencyKey: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'expected 1 to 200 printable characters without spaces (a UUID works well)')
    .optional(),
});

export const tryItBookingSchema = z.object({
  bookingUid: z.string(),
  start: z.string(),
  end: z.string(),
  spoken: z.string(),
  status: z.string(),
});
export type TryItBooking = z.infer<typeof tryItBookingSchema>;

export const tryItCancelInputSchema = z.strictObject({ bookingUid: z.string().trim().min(1, 'Which booking? Give its uid') });
export const tryItCancelledSchema = z.object({ bookingUid: z.string(), status: z.string() });

export const SCHEDULING_ACTIVITY_KINDS = ['availability', 'booking', 'cancel', 'reschedule'] as const;
export const schedulingActivityKindSchema = z.enum(SCHEDULING_ACTIVITY_KINDS);

/** One availability check or booking, as Scheduling → Activity lists it. */
export const schedulingActivityRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  caseId: z.string().nullable(),
  /** "PI-1042 · Jane Doe" when the call named a case. */
  caseLabel: z.string().nullable(),
  kind: schedulingActivityKindSchema,
  /** "Slots Dec 8–Dec 15", "Book Dec 8 2:30 PM for Jane Doe". */
  request: z.string(),
  /** Cal.com's answer in a line: "12 free slots", "Booked (uid …)", "Slot taken". */
  answer: z.string(),
  ok: z.boolean(),
  /** The booking service's outcome: ok, replayed, late_ok, refused, unavailable, timed_out, failed. */
  outcome: z.string(),
  /** Why it was refused or failed (slot_taken, booking_off, scheduling_disconnected, …); null when it went through. */
  reason: z.string().nullable(),
  /** The booking made, cancelled or moved, when there is one. */
  bookingUid: z.string().nullable(),
  latencyMs: z.number().int().nonnegative(),
});
export type SchedulingActivityRow = z.infer<typeof schedulingActivityRowSchema>;

export const schedulingActivityInputSchema = z
  .strictObject({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(200).default(50),
    agentId: z.string().optional(),
  })
  .default({ offset: 0, limit: 50 });

export const schedulingActivityPageSchema = z.object({
  rows: z.array(schedulingActivityRowSchema),
  total: z.number().int().nonnegative(),
});
