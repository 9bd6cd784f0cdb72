// The connection view and the Scheduling card from a stored row: a demo connection whose key went with the previous
// run reads as Error (what to do), and the card names the account, a non-default host and Demo.
import { describe, expect, it } from 'vitest';
import type { ConnectionRow } from './connection-store';
import { connectionView, schedulingCardState } from './connection-view';

const row = (over: Partial<ConnectionRow> = {}): ConnectionRow => ({
  baseUrl: 'https://api.cal.com',
  account: { id: 7, email: 'intake@firm.example', username: 'intake', timeZone: 'America/Chicago' },
  keyAccount: 'scheduling.calcom.apiKey',
  isDemo: false,
  connectedAt: '2026-12-01T10:00:00.000Z',
  error: null,
  ...over,
});

describe('the scheduling connection view and card', () => {
  it('shows the account, and the host only when it is not cal.com', () => {
    expect(schedulingCardState(connectionView(row(), 'America/Chicago', false))).toEqual({ status: 'connected', statusDetail: 'Cal.com · intake@firm.example' });
    expect(schedulingCardState(connectionView(row({ baseUrl: 'https://api.cal.eu' }), 'America/Chicago', false)).statusDetail).toBe('Cal.com · intake@firm.example · api.cal.eu');
    expect(schedulingCardState(connectionView(null, 'UTC', false))).toEqual({ status: 'not_connected', statusDetail: null });
  });

  it('reads a demo connection without its in-memory key as Error saying to start demo mode again', () => {
    const demo = row({ isDemo: true, keyAccount: null, baseUrl: 'http://127.0.0.1:41234' });
    expect(connectionView(demo, 'America/Chicago', true)).toMatchObject({ state: 'connected', isDemo: true });
    const lost = connectionView(demo, 'America/Chicago', false);
    expect(lost).toMatchObject({ state: 'error', kind: 'key_missing', isDemo: true, message: expect.stringMatching(/start demo mode again, or connect your own key/) });
    expect(schedulingCardState(lost)).toMatchObject({ status: 'error', statusDetail: expect.stringMatching(/^The demo Cal\.com simulator ended/) });
  });
});
