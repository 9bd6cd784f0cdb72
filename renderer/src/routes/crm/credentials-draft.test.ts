// The credentials form's conversions: secrets never prefilled and left out when empty (the saved one is kept), the
// CA change, and the local checks that run before anything is sent (the contract's own schema accepts the result).
import { describe, expect, it } from 'vitest';
import { crmConnectInputSchema } from '../../../../shared/domain/crm';
import { apiBaseUrlIssue, connectInputOf, draftIssues, draftOf, KEEP_CA, type CredentialsDraft } from './credentials-draft';

const lawRuler: CredentialsDraft = {
  username: ' api@smithlaw.example ',
  password: 'pw',
  clientRoot: 'smithlaw',
  clientSecret: '',
  key: 'K3Y',
  endpointUrl: '',
  apiBaseUrl: '',
};

describe('credentials draft', () => {
  it('starts from what was saved, with every secret empty', () => {
    const draft = draftOf({ settings: { username: 'kayse-sync', endpointUrl: 'https://sa.smithlaw.com', apiBaseUrl: 'http://127.0.0.1:4100' } });
    expect(draft).toEqual({ username: 'kayse-sync', endpointUrl: 'https://sa.smithlaw.com', apiBaseUrl: 'http://127.0.0.1:4100', clientRoot: '', password: '', clientSecret: '', key: '' });
  });

  it('leaves empty secrets out (kept), trims the rest, and the contract accepts the input', () => {
    const input = connectInputOf('lawruler', lawRuler);
    expect(input).toEqual({ crm: 'lawruler', username: 'api@smithlaw.example', password: 'pw', clientRoot: 'smithlaw', key: 'K3Y', clientSecret: undefined, apiBaseUrl: '' });
    expect(crmConnectInputSchema.safeParse(input).success).toBe(true);
  });

  it('sends a new CA, an empty one to remove the saved CA, and nothing to keep it', () => {
    const sa = { ...lawRuler, endpointUrl: 'https://sa.smithlaw.com' };
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(connectInputOf('smartadvocate', sa, { kind: 'set', pem, from: 'ca.pem' })).toMatchObject({ extraCaPem: pem });
    expect(connectInputOf('smartadvocate', sa, { kind: 'remove' })).toMatchObject({ extraCaPem: '' });
    expect(connectInputOf('smartadvocate', sa, KEEP_CA)).not.toHaveProperty('extraCaPem');
    expect(connectInputOf('smartadvocate', sa)).not.toHaveProperty('clientRoot');
  });

  it('requires a secret only while none is saved', () => {
    expect(draftIssues('lawruler', lawRuler, new Set())).toEqual({ clientSecret: 'Enter the Client Secret' });
    expect(draftIssues('lawruler', { ...lawRuler, password: '' }, new Set(['password', 'clientSecret']))).toEqual({});
    expect(draftIssues('smartadvocate', { ...lawRuler, username: ' ' }, new Set())).toEqual({ endpointUrl: 'Enter the Endpoint URL', username: 'Enter the Username' });
  });

  it('takes https anywhere and http on this machine only as API base URL', () => {
    expect(apiBaseUrlIssue('')).toBeUndefined();
    expect(apiBaseUrlIssue('https://api.example.com')).toBeUndefined();
    expect(apiBaseUrlIssue('http://127.0.0.1:4100')).toBeUndefined();
    expect(apiBaseUrlIssue('http://localhost:4100/api')).toBeUndefined();
    expect(apiBaseUrlIssue('http://api.example.com')).toMatch(/https:\/\//);
    expect(apiBaseUrlIssue('api.example.com')).toBeUndefined();
    expect(apiBaseUrlIssue('ftp://api.example.com')).toMatch(/https:\/\//);
    expect(apiBaseUrlIssue('https://exa mple.com')).toMatch(/web address/);
  });
});
