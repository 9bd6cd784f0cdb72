// Scheduling (Cal.com) through the contract. Two groups:
// - `scheduling.*`, the connection side (main/scheduling): the company-level connection (the key goes to the
//   keychain only after Cal.com's /v2/me accepted it), the live event type look-up, and the agents that book.
// - `schedulingBooking.*`, backed by the booking service (main/scheduling/booking): the Try it panel (free slots
//   as the voice agent says them, a test booking, its cancellation) and the Activity log of every availability
//   check and booking.
import { z } from 'zod';
import { procedure } from '../rpc';
import {
  eventTypeLookupInputSchema,
  eventTypeSummarySchema,
  schedulingActivityInputSchema,
  schedulingActivityPageSchema,
  schedulingAgentRowSchema,
  schedulingConnectInputSchema,
  schedulingConnectionSchema,
  tryItBookInputSchema,
  tryItBookingSchema,
  tryItCancelInputSchema,
  tryItCancelledSchema,
  tryItSlotsInputSchema,
  tryItSlotsSchema,
} from '../domain/scheduling';
import type { TableName } from '../domain/tables';

const connectionTables: TableName[] = ['scheduling_connection', 'company'];

export const schedulingContract = {
  scheduling: {
    connection: procedure({
      input: z.undefined(),
      output: schedulingConnectionSchema,
      reads: connectionTables,
      description: 'The Cal.com connection: not connected, connected (account, base URL, timezones), or what is wrong',
    }),
    connect: procedure({
      input: schedulingConnectInputSchema,
      output: schedulingConnectionSchema,
      reads: [],
      description: "Checks the key with Cal.com's /v2/me, then keeps it in the keychain; a refused key stores nothing. Replacing a key keeps every agent's settings",
    }),
    disconnect: procedure({
      input: z.undefined(),
      output: schedulingConnectionSchema,
      reads: [],
      description: 'Deletes the key from the keychain; agents with booking on then cannot book until a key is connected again',
    }),
    lookupEventType: procedure({
      input: eventTypeLookupInputSchema,
      output: eventTypeSummarySchema,
      reads: [],
      description: 'Looks up an event type by its number or pasted URL, live with the company key: title and length, or why not (404: wrong id or a team event type)',
    }),
    agents: procedure({
      input: z.undefined(),
      output: z.array(schedulingAgentRowSchema),
      reads: ['agents', 'campaigns', 'scheduling_connection', 'scheduling_event_types', 'scheduling_activity', 'company'],
      description: 'Every agent: campaign, booking on/off, event type, last booking, and whether it can book now (and why not)',
    }),
  },
};

/** Backed by the booking service (main/scheduling/booking). */
export const schedulingBookingContract = {
  schedulingBooking: {
    slots: procedure({
      input: tryItSlotsInputSchema,
      output: tryItSlotsSchema,
      reads: [],
      description: "Try it: the agent's next free slots in the company timezone, each with the sentence the voice agent says",
    }),
    book: procedure({
      input: tryItBookInputSchema,
      output: tryItBookingSchema,
      reads: [],
      description: "Try it: books a test appointment into the agent's event type",
    }),
    cancel: procedure({
      input: tryItCancelInputSchema,
      output: tryItCancelledSchema,
      reads: [],
      description: 'Try it: cancels a booking by its uid',
    }),
    activity: procedure({
      input: schedulingActivityInputSchema,
      output: schedulingActivityPageSchema,
      reads: ['scheduling_activity', 'agents', 'cases', 'clients'],
      description: 'Scheduling → Activity: every availability check and booking (agent, case, request, Cal.com’s answer, outcome, latency), newest first',
    }),
  },
};
