// Timestamps as the record screens show them: relative ("5 minutes ago") with the full date and time on hover.

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const full = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});
const short = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

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

/** The full local date and time with its zone, e.g. "Thu, Nov 26, 2026, 9:02:40 PM UTC". */
export function formatFull(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : full.format(time);
}

/** A compact local date and time, e.g. "Nov 26, 9:02 PM". */
export function formatShort(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : short.format(time);
}
