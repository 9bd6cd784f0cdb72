// The destination URL field's messages: the https rule as soon as it is broken, silence while a URL is being
// typed, and then the engine's exact verdict for that URL (never a verdict about an older value).
import { describe, expect, it } from 'vitest';
import { destinationStatus, isCheckable, type DestinationCheck } from './destination-status';

const HTTPS = 'URL must start with https:// (webhooks are only sent over HTTPS)';
const privateAddress: DestinationCheck = { ok: false, rule: 'private', message: 'https://10.0.0.5/hook resolves to 10.0.0.5, a private address', addresses: ['10.0.0.5'], allowlisted: false };
const fine: DestinationCheck = { ok: true, rule: null, message: null, addresses: ['93.184.216.34'], allowlisted: false };

describe('destinationStatus', () => {
  it('flags http:// at once but stays quiet while https:// is being typed', () => {
    expect(destinationStatus('http://hooks.example.com', HTTPS, undefined)).toEqual({ kind: 'invalid', message: HTTPS });
    expect(destinationStatus('htt', HTTPS, undefined)).toEqual({ kind: 'typing' });
    expect(destinationStatus('https://', undefined, undefined)).toEqual({ kind: 'typing' });
    expect(destinationStatus(`https://${'a'.repeat(3000)}`, 'URL must be at most 2048 characters', undefined)).toEqual({
      kind: 'invalid',
      message: 'URL must be at most 2048 characters',
    });
    expect(destinationStatus('', undefined, undefined)).toEqual({ kind: 'empty' });
  });

  it('shows the engine’s verdict only for the URL it judged', () => {
    const url = 'https://10.0.0.5/hook';
    expect(destinationStatus(url, undefined, undefined)).toEqual({ kind: 'checking' });
    expect(destinationStatus(url, undefined, { url: 'https://10.0.0.5/hoo', result: fine })).toEqual({ kind: 'checking' });
    expect(destinationStatus(url, undefined, { url, result: privateAddress })).toEqual({ kind: 'refused', message: privateAddress.message });
    expect(destinationStatus(' https://hooks.example.com ', undefined, { url: 'https://hooks.example.com', result: fine })).toEqual({
      kind: 'ok',
      addresses: ['93.184.216.34'],
      allowlisted: false,
    });
  });

  it('asks the engine only about complete https URLs', () => {
    expect(isCheckable('https://hooks.example.com/x')).toBe(true);
    expect(isCheckable('https://[::1]:8443/')).toBe(true);
    expect(isCheckable('http://hooks.example.com')).toBe(false);
    expect(isCheckable('https://')).toBe(false);
    expect(isCheckable('https:// bad host')).toBe(false);
  });
});
