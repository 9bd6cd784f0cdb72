// The Cal.com region choice: what each sends as the base URL, and the saved URL read back as a region.
import { describe, expect, it } from 'vitest';
import { schedulingConnectInputSchema } from '../../../../shared/domain/scheduling';
import { baseUrlFor, baseUrlIssue, regionOf } from './base-url-choice';

describe('Cal.com region', () => {
  it('sends no base URL for cal.com, the EU root for cal.eu, the typed address for self-hosted', () => {
    expect(baseUrlFor('cloud', 'ignored')).toBeUndefined();
    expect(baseUrlFor('eu', '')).toBe('https://api.cal.eu');
    expect(baseUrlFor('self_hosted', ' https://cal.smithlaw.example/api ')).toBe('https://cal.smithlaw.example/api');
    expect(schedulingConnectInputSchema.safeParse({ apiKey: 'cal_live_x', baseUrl: baseUrlFor('eu', '') }).success).toBe(true);
    expect(schedulingConnectInputSchema.safeParse({ apiKey: 'cal_live_x', baseUrl: baseUrlFor('cloud', '') }).success).toBe(true);
  });

  it('reads a saved base URL back as its region', () => {
    expect(regionOf('https://api.cal.com')).toBe('cloud');
    expect(regionOf('https://api.cal.com/v2/')).toBe('cloud');
    expect(regionOf('https://api.cal.eu')).toBe('eu');
    expect(regionOf('http://127.0.0.1:4310')).toBe('self_hosted');
    expect(regionOf(null)).toBe('cloud');
  });

  it('asks for a self-hosted address before sending, and only for self-hosted', () => {
    expect(baseUrlIssue('self_hosted', '  ')).toMatch(/Enter the address/);
    expect(baseUrlIssue('self_hosted', 'cal.smithlaw.example')).toMatch(/starts with https:\/\//);
    expect(baseUrlIssue('self_hosted', 'https://cal.smithlaw.example')).toBeUndefined();
    expect(baseUrlIssue('cloud', '')).toBeUndefined();
  });
});
