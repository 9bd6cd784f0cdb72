// The registry of the console's own CRM writes on their way: what another caller is sending is not sent twice, and
// a caller's own earlier attempt never stops it from sending; a read knows whether a write of ours landed after it.
import { describe, expect, it } from 'vitest';
import { holdSent, markRead } from './in-flight';

describe('in-flight writes', () => {
  it('a value another caller has on its way counts as sending; once released, it no longer does', () => {
    const push = holdSent('smartadvocate', 'case-in-flight-1');
    const pull = holdSent('smartadvocate', 'case-in-flight-1');
    push.add({ firstName: 'K2084' });
    expect(pull.othersSending('firstName', 'K2084')).toBe(true);
    expect(pull.othersSending('firstName', 'K2085')).toBe(false);
    expect(pull.othersSending('lastName', 'K2084')).toBe(false);
    // Its own values don't hold a caller back (a stale attempt sends again what it decided).
    expect(push.othersSending('firstName', 'K2084')).toBe(false);
    // Another case, or another CRM, is not concerned.
    expect(holdSent('smartadvocate', 'case-in-flight-2').othersSending('firstName', 'K2084')).toBe(false);
    expect(holdSent('lawruler', 'case-in-flight-1').othersSending('firstName', 'K2084')).toBe(false);
    push.release();
    expect(pull.othersSending('firstName', 'K2084')).toBe(false);
  });

  it('a read knows which cases had a write of ours land after it began, and only those', () => {
    const before = holdSent('smartadvocate', 'case-landed-1');
    before.add({ firstName: 'A' });
    const read = markRead();
    const nothingSent = holdSent('smartadvocate', 'case-landed-2');
    nothingSent.release();
    before.release();
    expect(read.landedSince('smartadvocate', 'case-landed-1')).toBe(true);
    // A hold that sent nothing, another CRM, or a read begun after the landing: the copy read is current.
    expect(read.landedSince('smartadvocate', 'case-landed-2')).toBe(false);
    expect(read.landedSince('lawruler', 'case-landed-1')).toBe(false);
    const later = markRead();
    expect(later.landedSince('smartadvocate', 'case-landed-1')).toBe(false);
    // A landing while only the newer read is open is seen by it.
    read.close();
    const next = holdSent('smartadvocate', 'case-landed-1');
    next.add({ firstName: 'B' });
    next.release();
    expect(later.landedSince('smartadvocate', 'case-landed-1')).toBe(true);
    later.close();
  });
});
