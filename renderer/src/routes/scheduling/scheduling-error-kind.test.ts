// Reading the kind of a scheduling failure off a host error.
import { describe, expect, it } from 'vitest';
import { RemoteError } from '../../../../shared/result';
import { schedulingErrorKind } from './scheduling-error-kind';

describe('schedulingErrorKind', () => {
  it('reads details.kind of an UPSTREAM_ERROR', () => {
    expect(schedulingErrorKind(new RemoteError({ code: 'UPSTREAM_ERROR', message: 'Invalid API Key', details: { provider: 'calcom', kind: 'invalid_key' } }))).toBe('invalid_key');
  });

  it('is undefined for other codes, plain errors and missing details', () => {
    expect(schedulingErrorKind(new RemoteError({ code: 'NOT_FOUND', message: 'x', details: { kind: 'not_found' } }))).toBeUndefined();
    expect(schedulingErrorKind(new RemoteError({ code: 'UPSTREAM_ERROR', message: 'x' }))).toBeUndefined();
    expect(schedulingErrorKind(new Error('x'))).toBeUndefined();
    expect(schedulingErrorKind(null)).toBeUndefined();
  });
});
