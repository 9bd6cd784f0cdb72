// Every date and time on screen, in one format and in one zone: the company's (Settings → Company), never the
// computer's. Relative ("5 minutes ago") for lists, absolute with the zone named where a reader must know which
// clock it is (retry times, sync times, the full timestamp on hover).

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const FULL: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
};
const SHORT: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
const SHORT_ZONED: Intl.DateTimeFormatOptions = { ...SHORT, timeZoneName: 'short' };

/** The zone used until the company's is known, or when it names a zone this runtime doesn't know. */
export const FALLBACK_TIME_ZONE = 'UTC';

// Building an Intl formatter costs far more than using one: one per zone and style, for the session.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'full' | 'short' | 'shortZoned', timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const options = style === 'full' ? FULL : style === 'short' ? SHORT : SHORT_ZONED;
    try {
      found = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      found = new Intl.DateTimeFormat('en-US', { ...options, timeZone: FALLBACK_TIME_ZONE });
    }
    formatters.set(key, found);
  }
  return found;
}

const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "just now", "5 minutes ago", "yesterday", "3 months ago" (or "in …" for a time ahead of `now`). */
export function formatRelative(iso: string, now: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  let amount = (time - now) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return relative.format(Math.round(amount), 'year');
}

/** The full date and time in `timeZone` with the zone named, e.g. "Thu, Nov 26, 2026, 3:02:40 PM CST". */
export function formatFull(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatter('full', timeZone).format(time);
}

/** A compact date and time in `timeZone`, e.g. "Nov 26, 3:02 PM" (for places where the zone is shown nearby). */
export function formatShort(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatter('short', timeZone).format(time);
}

/** A compact date and time with the zone named, e.g. "Nov 26, 3:02 PM CST": retry times, sync times, bookings. */
export function formatShortZoned(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatter('shortZoned', timeZone).format(time);
}

/** The bound formatters for one zone, as the `useDateFormat` hook hands them to screens. */
export interface DateFormat {
  timeZone: string;
  full: (iso: string) => string;
  short: (iso: string) => string;
  shortZoned: (iso: string) => string;
}

const bound = new Map<string, DateFormat>();

/** The formatters for `timeZone` (the same object each time, so it can sit in a dependency list). */
export function dateFormat(timeZone: string | undefined): DateFormat {
  const zone = timeZone || FALLBACK_TIME_ZONE;
  let found = bound.get(zone);
  if (!found) {
    found = {
      timeZone: zone,
      full: (iso) => formatFull(iso, zone),
      short: (iso) => formatShort(iso, zone),
      shortZoned: (iso) => formatShortZoned(iso, zone),
    };
    bound.set(zone, found);
  }
  return found;
}
