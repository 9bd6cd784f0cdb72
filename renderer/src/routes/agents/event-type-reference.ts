// What may be typed or pasted into Event Type ID: the number itself, or the event type's editor URL from Cal.com
// (…/event-types/3685354, with or without https://, a query or a trailing slash), on any Cal.com host.

export type EventTypeReference = { ok: true; id: number } | { ok: false; message: string } | { ok: 'empty' };

const ID = /^\d{1,10}$/;
const IN_URL = /(?:^|\/)event-types\/(\d{1,10})(?:[/?#]|$)/;

/** The event type id in `text`, or why there is none. */
export function eventTypeReference(text: string): EventTypeReference {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: 'empty' };
  const match = ID.test(trimmed) ? trimmed : IN_URL.exec(trimmed)?.[1];
  if (match === undefined) {
    return {
      ok: false,
      message: 'Enter the number at the end of the event type’s address, or paste that address (e.g. https://app.cal.com/event-types/3685354).',
    };
  }
  const id = Number(match);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return { ok: false, message: 'An Event Type ID is a whole number above 0.' };
  return { ok: true, id };
}
