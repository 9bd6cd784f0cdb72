// The webhook settings card: lines and pasted PEM blocks become the contract's lists, and the host's per-entry
// refusals come back numbered the way the user sees the entries.
import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../../../shared/result';
import { settingsDraftOf, settingsErrors, settingsInputOf, settingsIssues, splitPem } from './settings-draft';

const PEM_A = '-----BEGIN CERTIFICATE-----\nMIIBa\n-----END CERTIFICATE-----';
const PEM_B = '-----BEGIN CERTIFICATE-----\nMIIBb\n-----END CERTIFICATE-----';

describe('settings draft', () => {
  it('round-trips the stored settings and drops blank lines', () => {
    const draft = settingsDraftOf({ allowlist: ['10.0.0.0/8', '127.0.0.1/32'], extraCa: [PEM_A, PEM_B], retentionDays: 30, graceHours: 24 });
    expect(settingsInputOf({ ...draft, allowlist: `${draft.allowlist}\n\n  ` })).toEqual({
      allowlist: ['10.0.0.0/8', '127.0.0.1/32'],
      extraCa: [PEM_A, PEM_B],
      retentionDays: 30,
      graceHours: 24,
    });
  });

  it('finds PEM blocks pasted back to back, and flags text around them', () => {
    expect(splitPem(`${PEM_A}${PEM_B}`)).toEqual({ certificates: [PEM_A, PEM_B], stray: false });
    expect(splitPem(`subject=CN=Firm CA\n${PEM_A}`).stray).toBe(true);
    expect(settingsIssues({ allowlist: '', extraCa: 'not a cert', retentionDays: '', graceHours: 24 })).toEqual({
      extraCa: expect.stringContaining('Paste whole PEM certificates'),
      retentionDays: 'Retention is required (1 to 365 days)',
    });
  });

  it('numbers the host’s refusals per entry, under their field', () => {
    const error = new RemoteError({
      code: 'INVALID_INPUT',
      message: 'Invalid allowlist',
      details: {
        issues: [
          { path: 'allowlist.1', message: '"intranet" is not a CIDR range' },
          { path: 'allowlist.2', message: '"x" is not a CIDR range' },
          { path: 'retentionDays', message: 'Retention is at most 365 days' },
        ],
      },
    });
    expect(settingsErrors(error)).toEqual({
      fields: { allowlist: 'Entry 2: "intranet" is not a CIDR range\nEntry 3: "x" is not a CIDR range', retentionDays: 'Retention is at most 365 days' },
      general: [],
    });
    expect(settingsErrors(new RemoteError({ code: 'INTERNAL', message: 'boom' }))).toEqual({ fields: {}, general: ['boom'] });
  });
});
