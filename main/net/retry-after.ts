// Reads a Retry-After header strictly (delta-seconds or one of the three HTTP-date forms); anything else is ignored.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/** IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
const IMF = new RegExp(`^${DAY},\\s+(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\s+${TIME}\\s+GMT$`, 'i');
/** RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
const RFC850 = new RegExp(`^${LONG_DAY},\\s+(\\d{1,2})-${MONTH}-(\\d{2})\\s+${TIME}\\s+GMT$`, 'i');
/** asctime: Sun Nov  6 08:49:37 1994 */
const ASCTIME = new RegExp(`^${DAY}\\s+${MONTH}\\s+(\\d{1,2})\\s+${TIME}\\s+(\\d{4})$`, 'i');

/** Epoch ms of a valid UTC calendar date and time, or null (31 Feb and 25:00 are not dates). */
function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  if (monthIndex < 0 || h > 23 || m > 59 || s > 60) return null;
  const at = new Date(Date.UTC(year, monthIndex, day, h, m, Math.min(s, 59)));
  return at.getUTCDate() === day && at.getUTCMonth() === monthIndex ? at.getTime() : null;
}

/** Epoch ms of an HTTP-date in any of its three forms, or null. */
export function parseHttpDate(text: string): number | null {
  let match = IMF.exec(text);
  if (match) return utc(Number(match[3]), match[2]!, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  match = RFC850.exec(text);
  if (match) {
    const yy = Number(match[3]);
    return utc(yy < 70 ? 2000 + yy : 1900 + yy, match[2]!, Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  match = ASCTIME.exec(text);
  if (match) return utc(Number(match[6]), match[1]!, Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]));
  return null;
}

/**
 * Milliseconds a Retry-After value asks to wait: delta-seconds, or an HTTP-date measured from `now` (a past date
 * is 0). Null when missing or unreadable, so the caller ignores it.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds * 1_000) ? seconds * 1_000 : Number.MAX_SAFE_INTEGER;
  }
  const at = parseHttpDate(text.replace(/\s+/g, ' '));
  return at === null ? null : Math.max(0, at - now.getTime());
}
