import { describe, expect, it } from 'vitest';
import { exportRunInputSchema } from '../../../../shared/contract/transfer';
import { EMPTY_CHOICES, exportRequest, type ExportChoices } from './export-request';

const everything: ExportChoices = {
  kind: 'cases',
  format: 'json',
  caseTypeId: 'ct_1',
  statusId: 'st_1',
  campaignId: 'cmp_1',
  eventType: 'call_ended',
  range: ['2026-01-01', '2026-01-31'],
};

describe('exportRequest', () => {
  it('sends no filters when none is chosen', () => {
    expect(exportRequest(EMPTY_CHOICES)).toEqual({ kind: 'cases', format: 'csv', filters: {} });
  });

  it('sends the case filters and the date range for cases, but not the event type', () => {
    expect(exportRequest(everything)).toEqual({
      kind: 'cases',
      format: 'json',
      filters: { caseTypeId: 'ct_1', statusId: 'st_1', campaignId: 'cmp_1', from: '2026-01-01', to: '2026-01-31' },
    });
  });

  it('keeps only what each kind can be filtered by, so the host accepts every combination', () => {
    expect(exportRequest({ ...everything, kind: 'clients' }).filters).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(exportRequest({ ...everything, kind: 'events' }).filters).toEqual({
      type: 'call_ended',
      caseTypeId: 'ct_1',
      campaignId: 'cmp_1',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    for (const kind of ['cases', 'clients', 'events'] as const) {
      expect(exportRunInputSchema.safeParse(exportRequest({ ...everything, kind })).success).toBe(true);
    }
  });

  it('sends an open-ended range as just its start', () => {
    expect(exportRequest({ ...EMPTY_CHOICES, range: ['2026-03-01', null] }).filters).toEqual({ from: '2026-03-01' });
  });
});
