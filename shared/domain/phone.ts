// Phone numbers as the ingest API takes them (docs/ingest-api.md): E.164, or a SIP URI for calls that never
// touch the phone network. One pattern, so that events, client PUTs and the published JSON Schema agree.
import { z } from 'zod';

/** "+", a country code that doesn't start with 0, at most 15 digits in all (ITU-T E.164). */
const E164 = String.raw`\+[1-9][0-9]{1,14}`;
const LABEL = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?`;
/**
 * A sip: or sips: URI (RFC 3261): an optional user part, a host name or bracketed IPv6 address, an optional port,
 * then parameters or headers. Case spelled out in the scheme: JSON Schema patterns have no flags.
 */
const SIP_URI = String.raw`[sS][iI][pP][sS]?:(?:[^\s@]+@)?(?:${LABEL}(?:\.${LABEL})*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?(?:[;?]\S*)?`;

export const PHONE_PATTERN = new RegExp(`^(?:${E164}|${SIP_URI})$`);
/** The forms a phone number may take, with an example of each: for messages that say what was expected. */
export const PHONE_FORMS = 'E.164 (+15551230001) or a SIP URI (sip:intake@pbx.example.com)';

/** A phone number or SIP URI, surrounding spaces ignored. */
export const phoneNumberSchema = z.string().trim().max(256, 'at most 256 characters').regex(PHONE_PATTERN, `expected a phone number: ${PHONE_FORMS}`);
