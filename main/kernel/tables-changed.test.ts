import { describe, expect, it } from 'vitest';
import type { TableName } from '../../shared/domain/tables';
import { createEventBus } from './event-bus';
import { announceChanged, holdAnnouncements } from './tables-changed';

function recordedBus() {
  const events = createEventBus();
  const seen: TableName[][] = [];
  events.on('tables.changed', ({ tables }) => seen.push(tables));
  return { events, seen };
}

describe('announceChanged', () => {
  it('announces at once outside a transaction, and nothing for no tables', () => {
    const { events, seen } = recordedBus();
    announceChanged(events, ['campaigns']);
    announceChanged(events, []);
    announceChanged(events, ['agents', 'campaigns']);
    expect(seen).toEqual([['campaigns'], ['agents', 'campaigns']]);
  });

  it('holds what is announced inside until it returns, then announces the union once', () => {
    const { events, seen } = recordedBus();
    const result = holdAnnouncements(() => {
      announceChanged(events, ['cases', 'clients']);
      announceChanged(events, ['events']);
      announceChanged(events, ['clients', 'record_changes']);
      expect(seen).toEqual([]);
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual([['cases', 'clients', 'events', 'record_changes']]);
  });

  it('drops what was announced inside when it throws', () => {
    const { events, seen } = recordedBus();
    expect(() =>
      holdAnnouncements(() => {
        announceChanged(events, ['agents']);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(seen).toEqual([]);
    announceChanged(events, ['company']);
    expect(seen).toEqual([['company']]);
  });

  it('passes a nested hold to the outer one on return, and drops only the nested one when it throws', () => {
    const { events, seen } = recordedBus();
    holdAnnouncements(() => {
      announceChanged(events, ['cases']);
      holdAnnouncements(() => announceChanged(events, ['clients']));
      try {
        holdAnnouncements(() => {
          announceChanged(events, ['webhooks']);
          throw new Error('savepoint rolled back');
        });
      } catch {
        // the outer transaction goes on
      }
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([['cases', 'clients']]);
  });

  it('announces once per event bus', () => {
    const a = recordedBus();
    const b = recordedBus();
    holdAnnouncements(() => {
      announceChanged(a.events, ['cases']);
      announceChanged(b.events, ['demo']);
      announceChanged(a.events, ['clients']);
    });
    expect(a.seen).toEqual([['cases', 'clients']]);
    expect(b.seen).toEqual([['demo']]);
  });
});
