import { describe, expect, it } from 'vitest';
import type { CustomField, RecordChange } from '../../../../shared/domain/workspace';
import { describeChange } from './describe-change';
import { formatFieldValue } from '../ui/format-value';

const field = (key: string, label: string, type: CustomField['type'], position: number): CustomField => ({ id: key, key, label, type, options: [], position });
const FIELDS = [field('accident_date', 'Accident date', 'date', 0), field('injured', 'Injured', 'yes_no', 1), field('vehicles', 'Vehicles', 'number', 2)];

const change = (kind: RecordChange['kind'], changes: RecordChange['changes']): RecordChange => ({
  seq: 1,
  entity: 'case',
  entityId: 'c1',
  version: 2,
  kind,
  changes,
  origin: 'console',
  at: '2026-11-26T20:00:00.000Z',
});

describe('describeChange', () => {
  it('reads a status change as old → new under the label "Status"', () => {
    expect(describeChange(change('updated', { status: { old: 'New lead', new: 'Signed' } }))).toEqual([
      { key: 'status', label: 'Status', old: 'New lead', new: 'Signed' },
    ]);
  });

  it('expands custom field changes one field at a time, with their labels and typed values, in form order', () => {
    const lines = describeChange(
      change('updated', {
        customValues: {
          old: { vehicles: 1, injured: false, accident_date: '2026-03-01' },
          new: { vehicles: 1200, injured: true, accident_date: '2026-03-01' },
        },
      }),
      { fields: FIELDS },
    );
    expect(lines).toEqual([
      { key: 'customValues.injured', label: 'Injured', old: 'No', new: 'Yes' },
      { key: 'customValues.vehicles', label: 'Vehicles', old: '1', new: '1,200' },
    ]);
  });

  it('names campaigns and clients instead of showing their ids', () => {
    const lines = describeChange(change('updated', { campaignId: { old: null, new: 'camp1' }, clientIds: { old: ['a'], new: ['a', 'b'] } }), {
      campaignName: (id) => (id === 'camp1' ? 'PI Spring' : undefined),
      clientName: (id) => ({ a: 'Jane Doe', b: 'John Roe' })[id],
    });
    expect(lines).toEqual([
      { key: 'campaignId', label: 'Campaign', old: '—', new: 'PI Spring' },
      { key: 'clientIds', label: 'Clients', old: 'Jane Doe', new: 'Jane Doe, John Roe' },
    ]);
  });

  it('lists only the values a new record started with', () => {
    const lines = describeChange(
      change('created', { caseNumber: { old: null, new: 'K-000001' }, campaignId: { old: null, new: null }, customValues: { old: null, new: {} } }),
    );
    expect(lines.map((l) => `${l.label}: ${l.new}`)).toEqual(['Case number: K-000001']);
  });

  it('reads client opt-outs as what the client refused', () => {
    const lines = describeChange({ ...change('updated', { optOuts: { old: [], new: ['sms', 'call'] } }), entity: 'client' });
    expect(lines).toEqual([{ key: 'optOuts', label: 'Opt-outs', old: '—', new: 'No SMS, No calls' }]);
  });
});

describe('formatFieldValue', () => {
  it('shows a calendar date on the day it names, whatever the timezone', () => {
    expect(formatFieldValue('date', '2026-03-01')).toBe('Mar 1, 2026');
  });

  it('shows an unset value as a dash', () => {
    expect(formatFieldValue('text', '')).toBe('—');
    expect(formatFieldValue('multi_select', [])).toBe('—');
  });
});
