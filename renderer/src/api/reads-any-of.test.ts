// A `tables.changed` refreshes exactly the queries whose procedure reads one of the named tables.
import { describe, expect, it } from 'vitest';
import { readsAnyOf } from './client';

describe('readsAnyOf', () => {
  it('marks a query stale when its procedure reads a changed table, whatever its input', () => {
    expect(readsAnyOf(['deliveries.list', { webhookId: 'wh_1' }], ['webhook_attempts'])).toBe(true);
    expect(readsAnyOf(['company.get', undefined], ['company', 'cases'])).toBe(true);
    expect(readsAnyOf(['preferences.get', undefined], ['preferences'])).toBe(true);
  });

  it('leaves other queries, procedures that read nothing and unknown keys alone', () => {
    expect(readsAnyOf(['company.get', undefined], ['webhooks'])).toBe(false);
    expect(readsAnyOf(['system.info', undefined], ['company', 'preferences', 'demo'])).toBe(false);
    expect(readsAnyOf(['no.such', undefined], ['company'])).toBe(false);
  });
});
