// Slot times as a voice agent says them, in the company's timezone: "Tuesday, December 8 at 2:30 PM" (the year
// only when it isn't this year's, whole hours as "9 AM"). Intl only, formatters cached per zone: every
// availability answer formats dozens of slots and the booking API's added latency is measured in milliseconds.

const formatters = new Map<string, { day: Intl.DateTimeFormat; dayWithYear: Intl.DateTimeFormat; time: Intl.DateTimeFormat; year: Intl.DateTimeFormat }>();

function formattersFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric' }),
      dayWithYear: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
      time: new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hour12: true }),
      year: new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

/** "Tuesday, December 8 at 2:30 PM" for `iso` in `timeZone`; `now` decides whether the year is said. */
export function spokenTime(iso: string, timeZone: string, now: Date): string {
  const at = new Date(iso);
  const f = formattersFor(timeZone);
  const sameYear = f.year.format(at) === f.year.format(now);
  const day = (sameYear ? f.day : f.dayWithYear).format(at);
  const time = f.time.format(at).replace(':00', '').replace(/\u202f/g, ' ');
  return `${day} at ${time}`;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** `iso` as an ISO time with `timeZone`'s offset at that instant ("2026-12-08T14:30:00.000-05:00"). */
export function isoInZone(iso: string, timeZone: string): string {
  const at = new Date(iso);
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  const sign = m ? (m[1] === '-' ? -1 : 1) : 1;
  const offsetMin = m ? sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  const local = new Date(at.getTime() + offsetMin * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offsetMin);
  const offset = `${offsetMin < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${offset}`;
}
