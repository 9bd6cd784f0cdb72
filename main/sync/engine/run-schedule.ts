// When a scheduled sync is due: hourly at the top of each hour, daily at a wall-clock time in the company's
// timezone. Intl does the zone arithmetic (no date library in the dependencies), so a 02:30 run stays 02:30 local
// across daylight saving: on a spring-forward day whose 02:30 does not exist it runs at the first minute after the
// gap (03:00 local), and on a fall-back day it runs once, at the first 02:30.
import type { SyncSettings } from '../../../shared/domain/sync-settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  return f;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall clock in `zone` at `ms`. */
export function wallAt(zone: string, ms: number): Wall {
  const parts = formatter(zone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** The zone's offset from UTC at `ms`, in ms (wall time minus UTC). */
function offsetAt(zone: string, ms: number): number {
  const w = wallAt(zone, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The first instant at or after the wall time `hour:minute` of the given local day in `zone`. A wall time that
 * exists twice (fall back) gives the earlier instant; one that does not exist (spring forward) gives the end of
 * the gap.
 */
export function instantOfWall(zone: string, year: number, month: number, day: number, hour: number, minute: number): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // Try both offsets around the time: the earliest candidate that reads back as the wanted wall time wins.
  const candidates = [offsetAt(zone, naive - DAY / 2), offsetAt(zone, naive + DAY / 2)].map((offset) => naive - offset).sort((a, b) => a - b);
  for (const c of candidates) {
    const w = wallAt(zone, c);
    if (w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute) return c;
  }
  // In the gap: the moment the clocks jumped (the first minute read with the later offset), found by halving.
  const later = offsetAt(zone, candidates[1]!);
  let lo = candidates[0]!;
  let hi = candidates[1]!;
  for (let i = 0; i < 40 && hi - lo > 60_000; i += 1) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetAt(zone, mid) === later) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first scheduled slot strictly after `afterMs`: null for real time (no slots: everything goes as it comes).
 */
export function nextSlotAfter(frequency: SyncSettings['frequency'], afterMs: number, timezone: string): number | null {
  if (frequency.kind === 'real_time') return null;
  if (frequency.kind === 'hourly') {
    // Top of the next hour in the company's zone (a zone with a half-hour offset runs at its own :00).
    const w = wallAt(timezone, afterMs);
    const thisHour = afterMs - (w.minute * 60_000 + (Math.floor(afterMs / 1000) % 60) * 1000 + (afterMs % 1000));
    return thisHour + HOUR;
  }
  const [hour, minute] = frequency.at.split(':').map(Number) as [number, number];
  const today = wallAt(timezone, afterMs);
  // Today's slot, else tomorrow's (a local day later, so DST days of 23 or 25 hours are handled by the zone).
  for (let add = 0; add < 3; add += 1) {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + add));
    const slot = instantOfWall(timezone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
    if (slot > afterMs) return slot;
  }
  return afterMs + DAY;
}

/** The start of the local hour holding `ms` in `zone` (a half-hour zone's hours start at :30 UTC). */
export function hourStart(zone: string, ms: number): number {
  const w = wallAt(zone, ms);
  return ms - (w.minute * 60_000 + (Math.floor(ms / 1000) % 60) * 1000 + (ms % 1000));
}

/** Local midnight `daysBack` days before the local day holding `ms` in `zone` (days of 23 or 25 hours included). */
export function dayStart(zone: string, ms: number, daysBack = 0): number {
  const w = wallAt(zone, ms);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day - daysBack));
  return instantOfWall(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0);
}
