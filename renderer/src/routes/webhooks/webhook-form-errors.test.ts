// The host's refusals land on the form field they name (create and update paths alike) or in the general alert.
import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../../../shared/result';
import { saveErrors } from './webhook-form-errors';

describe('saveErrors', () => {
  it('puts a private-address refusal under the URL and an unknown case type under the case types', () => {
    const error = new RemoteError({
      code: 'INVALID_INPUT',
      message: 'The webhook was not saved: …',
      details: {
        issues: [
          { path: 'url', message: 'hooks.firm.test resolves to 10.0.0.5, a private address' },
          { path: 'caseTypes', message: 'Unknown case type: Tort. Valid: Personal Injury' },
        ],
      },
    });
    expect(saveErrors(error)).toEqual({
      fields: { url: 'hooks.firm.test resolves to 10.0.0.5, a private address', caseTypes: 'Unknown case type: Tort. Valid: Personal Injury' },
      general: [],
    });
  });

  it('reads an update’s "webhook." paths and element paths, and UNPROCESSABLE like INVALID_INPUT', () => {
    const error = new RemoteError({
      code: 'UNPROCESSABLE',
      message: 'no such campaign',
      details: { issues: [{ path: 'webhook.campaignId', message: 'There is no campaign c9' }, { path: 'webhook.events.1', message: 'Invalid option' }], valid: ['c1'] },
    });
    expect(saveErrors(error).fields).toEqual({ campaignId: 'There is no campaign c9', events: 'Invalid option' });
  });

  it('keeps what names no field, and errors without issues, as general messages', () => {
    expect(saveErrors(new RemoteError({ code: 'INVALID_INPUT', message: 'x', details: { issues: [{ path: 'id', message: 'id is required' }] } }))).toEqual({
      fields: {},
      general: ['id: id is required'],
    });
    expect(saveErrors(new RemoteError({ code: 'NOT_FOUND', message: 'Webhook wh_1 does not exist' }))).toEqual({ fields: {}, general: ['Webhook wh_1 does not exist'] });
    expect(saveErrors(null)).toEqual({ fields: {}, general: [] });
  });
});
