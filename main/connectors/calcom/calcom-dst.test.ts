// Slots across a daylight-saving change keep the host's local wall time: New York's 09:00 is 14:00 UTC before the
// March change and 13:00 UTC after it (and back in November); a London host's 10:00 moves in New York's terms
// while the two countries' changes are out of step. Booking the slot after the change books that UTC instant.
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { startCalcomTest } from './test-calcom';

const cleanup = useCleanup();
const NY = 'America/New_York';

/** Each date's first slot. */
const firstOfEachDay = (slots: { start: string; date: string }[]) => {
  const firsts = new Map<string, string>();
  for (const s of slots) if (!firsts.has(s.date)) firsts.set(s.date, s.start);
  return Object.fromEntries(firsts);
};

describe('Cal.com slots across DST', () => {
  it('March: 09:00 in New York stays 09:00 local (-05:00 → -04:00), one hour earlier in UTC; booking it books 13:00Z', async () => {
    const t = cleanup.use(await startCalcomTest('2027-03-10T15:00:00.000Z'));
    const client = t.client();
    const range = { eventTypeId: 502, start: '2027-03-11T05:00:00Z', end: '2027-03-17T03:59:59Z' };
    const local = await client.slots({ ...range, timeZone: NY });
    expect(firstOfEachDay(local)).toEqual({
      '2027-03-11': '2027-03-11T09:00:00.000-05:00',
      '2027-03-12': '2027-03-12T09:00:00.000-05:00',
      '2027-03-15': '2027-03-15T09:00:00.000-04:00',
      '2027-03-16': '2027-03-16T09:00:00.000-04:00',
    });
    // Every day keeps the same eight local hours.
    for (const date of ['2027-03-12', '2027-03-15']) {
      expect(local.filter((s) => s.date === date).map((s) => s.start.slice(11, 16))).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    }
    const utc = await client.slots({ ...range, timeZone: 'UTC' });
    expect(firstOfEachDay(utc)).toMatchObject({ '2027-03-12': '2027-03-12T14:00:00.000+00:00', '2027-03-15': '2027-03-15T13:00:00.000+00:00' });

    const booked = await client.book({ eventTypeId: 502, start: '2027-03-15T09:00:00.000-04:00', attendee: { name: 'Maria Lopez', email: 'maria@example.com', timeZone: NY } });
    expect(booked.start).toBe('2027-03-15T13:00:00.000Z');
  });

  it('November: 09:00 in New York goes from 13:00Z (-04:00) to 14:00Z (-05:00)', async () => {
    const t = cleanup.use(await startCalcomTest('2026-10-28T12:00:00.000Z'));
    const slots = await t.client().slots({ eventTypeId: 502, start: '2026-10-30T04:00:00Z', end: '2026-11-03T04:59:59Z', timeZone: NY });
    expect(firstOfEachDay(slots)).toEqual({ '2026-10-30': '2026-10-30T09:00:00.000-04:00', '2026-11-02': '2026-11-02T09:00:00.000-05:00' });
    expect(new Date(slots.find((s) => s.date === '2026-10-30')!.start).toISOString()).toBe('2026-10-30T13:00:00.000Z');
    expect(new Date(slots.find((s) => s.date === '2026-11-02')!.start).toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  it("a London host's 10:00 is 05:00, then 06:00, then 05:00 again in New York across the two countries' March changes", async () => {
    const t = cleanup.use(await startCalcomTest('2027-03-10T15:00:00.000Z'));
    const client = t.client();
    const first = async (date: string) => (await client.slots({ eventTypeId: 601, start: `${date}T00:00:00Z`, end: `${date}T23:59:59Z`, timeZone: NY }))[0]!.start;
    expect(await first('2027-03-11')).toBe('2027-03-11T05:00:00.000-05:00');
    expect(await first('2027-03-15')).toBe('2027-03-15T06:00:00.000-04:00');
    expect(await first('2027-03-29')).toBe('2027-03-29T05:00:00.000-04:00');
    const london = await client.slots({ eventTypeId: 601, start: '2027-03-29T00:00:00Z', end: '2027-03-29T23:59:59Z', timeZone: 'Europe/London' });
    expect(london[0]!.start).toBe('2027-03-29T10:00:00.000+01:00');
  });
});
