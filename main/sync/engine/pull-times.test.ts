// When a mapped Kayse field last changed, read from the record change log's rows (given here as the pull store
// returns them, newest first): most_recent compares these times with the CRM's.
import { describe, expect, it } from 'vitest';
import { fieldChangeTimes } from './pull-times';

type Row = { changes: Record<string, { old: unknown; new: unknown }>; at: string };

const storeOf = (clientLog: Row[], caseLog: Row[] = []) => ({
  store: { recentChanges: (entity: 'case' | 'client') => (entity === 'client' ? clientLog : caseLog) },
});

describe('fieldChangeTimes', () => {
  it("a rename that keeps the first letter is the first name's last change (a soak run lost Kayse changes to it)", () => {
    const times = fieldChangeTimes(
      storeOf([
        { changes: { firstName: { old: 'Jon', new: 'John' } }, at: '2026-12-02T10:00:05.000Z' },
        { changes: { firstName: { old: 'Ann', new: 'Jon' } }, at: '2026-12-02T10:00:01.000Z' },
      ]) as never,
      'case-1',
      'client-1',
    );
    expect(times('client.first_name')).toBe('2026-12-02T10:00:05.000Z');
  });

  it('of the phone list only the first is mapped: adding a second phone is not a change of it', () => {
    const times = fieldChangeTimes(
      storeOf([
        { changes: { phones: { old: ['+15550100'], new: ['+15550100', '+15550199'] } }, at: '2026-12-02T10:00:09.000Z' },
        { changes: { phones: { old: ['+15550111'], new: ['+15550100'] } }, at: '2026-12-02T10:00:02.000Z' },
      ]) as never,
      'case-1',
      'client-1',
    );
    expect(times('client.phone')).toBe('2026-12-02T10:00:02.000Z');
  });
});
