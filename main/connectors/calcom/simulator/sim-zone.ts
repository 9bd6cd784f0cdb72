// Time-zone arithmetic for the simulator, with Intl only (no date library in the repo's dependencies): a wall
// time in an IANA zone → the instant, an instant → its local date and its ISO form with that zone's offset.
// DST is what Intl says it is, so a 09:00 slot stays 09:00 local across America/New_York's changes.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA time zone Intl knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `zone` at `instantMs`. */
export function wallAt(zone: string, instantMs: number): Wall {
  const parts = formatter(zone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The zone's offset from UTC at `instantMs`, in ms (New York in winter: −5 h). */
export function offsetAt(zone: string, instantMs: number): number {
  const w = wallAt(zone, instantMs);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000;
}

/** The instant a wall time in `zone` happens (twice-checked, so the offset is the one in force then). */
export function instantOf(zone: string, date: string, minutesIntoDay: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, 0, minutesIntoDay);
  const first = asUtc - offsetAt(zone, asUtc);
  return asUtc - offsetAt(zone, first);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The local date (YYYY-MM-DD) in `zone` at `instantMs`. */
export function localDate(zone: string, instantMs: number): string {
  const w = wallAt(zone, instantMs);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `instantMs` as Cal.com writes slots: local time in `zone` with its offset ("2026-11-27T09:00:00.000-05:00"). */
export function isoInZone(zone: string, instantMs: number): string {
  const w = wallAt(zone, instantMs);
  const offsetMin = Math.round(offsetAt(zone, instantMs) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const ms = pad(((instantMs % 1000) + 1000) % 1000, 3);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${ms}${sign}${pad(Math.trunc(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
}

/** The day after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
