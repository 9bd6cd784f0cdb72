// The inspector's live list: new rows join at the top, changed rows update in place, rows that left the filter go,
// older pages append, and a burst bigger than a page is noticed as a gap to fill.
import { describe, expect, it } from 'vitest';
import { emptyRows, leavesGap, mergePage, tailRequest, viewRequest, type LiveRows } from './live-rows';

interface Row {
  id: string;
  state: string;
}

/** Ids d000…d999 sort like the log's ULIDs: a larger number is newer. */
const row = (n: number, state = 'pending'): Row => ({ id: `d${String(n).padStart(3, '0')}`, state });
const rows = (from: number, to: number, state?: string) => Array.from({ length: from - to + 1 }, (_, i) => row(from - i, state));
const ids = (s: LiveRows<Row>) => s.rows.map((r) => Number(r.id.slice(1)));
const cursorOf = (n: number) => `after-${n}`;

describe('merging pages of a live list', () => {
  it('appends older pages below and remembers where each full page ends', () => {
    let s = mergePage(emptyRows<Row>(), { rows: rows(50, 41), nextCursor: cursorOf(41) });
    expect(tailRequest(s)).toEqual({ cursor: cursorOf(41), afterId: 'd041' });
    s = mergePage(s, { rows: rows(40, 31), nextCursor: cursorOf(31) }, { afterId: 'd041' });
    s = mergePage(s, { rows: rows(30, 25), nextCursor: null }, { afterId: 'd031' });
    expect(ids(s)).toEqual(Array.from({ length: 26 }, (_, i) => 50 - i));
    expect(s.end).toBe(true);
    expect(tailRequest(s)).toBeNull();
  });

  it('puts new rows on top and updates changed ones in place when the newest page is asked again', () => {
    let s = mergePage(emptyRows<Row>(), { rows: rows(50, 41), nextCursor: cursorOf(41) });
    s = mergePage(s, { rows: rows(40, 31), nextCursor: cursorOf(31) }, { afterId: 'd041' });
    const fresh = [row(52), row(51), ...rows(50, 43, 'succeeded')];
    const before = s;
    expect(leavesGap(before, { rows: fresh, nextCursor: cursorOf(43) })).toBe(false);
    s = mergePage(s, { rows: fresh, nextCursor: cursorOf(43) });
    expect(ids(s)).toEqual(Array.from({ length: 22 }, (_, i) => 52 - i));
    expect(s.rows.find((r) => r.id === 'd045')!.state).toBe('succeeded');
    // d042 and d041 slid out of the newest page but stay, with their old data, until a page covers them again.
    expect(s.rows.find((r) => r.id === 'd041')!.state).toBe('pending');
    expect(tailRequest(s)).toEqual({ cursor: cursorOf(31), afterId: 'd031' });
  });

  it('drops rows of a covered range that the page no longer holds (they left the filter)', () => {
    let s = mergePage(emptyRows<Row>(), { rows: rows(50, 41), nextCursor: cursorOf(41) });
    s = mergePage(s, { rows: rows(40, 31), nextCursor: cursorOf(31) }, { afterId: 'd041' });
    // A refresh of d040…: d038 and d036 stopped matching; the range now ends at d029.
    const refreshed = rows(40, 29).filter((r) => r.id !== 'd038' && r.id !== 'd036');
    s = mergePage(s, { rows: refreshed, nextCursor: cursorOf(29) }, { afterId: 'd041' });
    expect(ids(s)).not.toContain(38);
    expect(ids(s)).not.toContain(36);
    expect(ids(s).slice(0, 10)).toEqual(rows(50, 41).map((r) => Number(r.id.slice(1))));
    expect(s.cursorAfter.has('d031')).toBe(true);
    expect(tailRequest(s)).toEqual({ cursor: cursorOf(29), afterId: 'd029' });
    // The newest page with nothing in it: the whole list is gone.
    expect(mergePage(s, { rows: [], nextCursor: null }).rows).toEqual([]);
  });

  it('notices a burst bigger than a page as a gap, and closes it with the pages that follow', () => {
    const before = mergePage(emptyRows<Row>(), { rows: rows(50, 41), nextCursor: cursorOf(41) });
    const burst = { rows: rows(80, 71), nextCursor: cursorOf(71) };
    expect(leavesGap(before, burst)).toBe(true);
    let s = mergePage(before, burst);
    const next = { rows: rows(70, 61), nextCursor: cursorOf(61) };
    expect(leavesGap(before, next)).toBe(true);
    s = mergePage(s, next, { afterId: 'd071' });
    const closing = { rows: rows(60, 51), nextCursor: cursorOf(51) };
    s = mergePage(s, closing, { afterId: 'd061' });
    expect(leavesGap(before, { rows: rows(51, 42), nextCursor: cursorOf(42) })).toBe(false);
    expect(ids(s)).toEqual(Array.from({ length: 40 }, (_, i) => 80 - i));
    // An empty list has nothing to leave a gap in.
    expect(leavesGap(emptyRows<Row>(), burst)).toBe(false);
  });

  it('asks for the page that covers the rows on screen, in whole steps, from the nearest known cursor', () => {
    let s = mergePage(emptyRows<Row>(), { rows: rows(500, 401), nextCursor: cursorOf(401) });
    s = mergePage(s, { rows: rows(400, 301), nextCursor: cursorOf(301) }, { afterId: 'd401' });
    s = mergePage(s, { rows: rows(300, 201), nextCursor: cursorOf(201) }, { afterId: 'd301' });
    expect(viewRequest(s, 10, 40, 100, 500)).toBeNull();
    // Rows 150…170 on screen: the nearest cursor above is after d401 (index 99).
    expect(viewRequest(s, 150, 170, 100, 500)).toEqual({ cursor: cursorOf(401), afterId: 'd401', limit: 100 });
    expect(viewRequest(s, 190, 210, 100, 500)).toEqual({ cursor: cursorOf(401), afterId: 'd401', limit: 200 });
    expect(viewRequest(s, 205, 230, 100, 500)).toEqual({ cursor: cursorOf(301), afterId: 'd301', limit: 100 });
    expect(viewRequest(s, 95, 110, 100, 150)).toEqual({ limit: 150 });
    expect(viewRequest(s, 95, 110, 100, 500)).toEqual({ limit: 200 });
  });
});
