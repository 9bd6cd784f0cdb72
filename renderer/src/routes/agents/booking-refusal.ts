// A refused Try it booking as the host sent it (details.reason: slot_taken, outside_window, booking_off, …, with
// the next free slots for a taken one), so the panel can offer those instead, as the voice agent would.
import { z } from 'zod';
import { spokenSlotSchema, type SpokenSlot } from '../../../../shared/domain/scheduling';
import { RemoteError } from '../../../../shared/result';

const detailsSchema = z.object({ reason: z.string(), alternatives: z.array(spokenSlotSchema).optional() });

export interface BookingRefusal {
  reason: string;
  alternatives: SpokenSlot[];
}

/** The reason and alternatives of a booking service refusal; null for any other error. */
export function bookingRefusal(error: Error | null | undefined): BookingRefusal | null {
  if (!(error instanceof RemoteError)) return null;
  const parsed = detailsSchema.safeParse(error.details);
  return parsed.success ? { reason: parsed.data.reason, alternatives: parsed.data.alternatives ?? [] } : null;
}
