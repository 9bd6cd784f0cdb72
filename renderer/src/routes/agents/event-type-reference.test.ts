// Event Type ID as typed or pasted: the bare number, or the editor URL in the forms Cal.com shows it.
import { describe, expect, it } from 'vitest';
import { eventTypeReference } from './event-type-reference';

describe('eventTypeReference', () => {
  it.each([
    ['3685354', 3685354],
    [' 501 ', 501],
    ['https://app.cal.com/event-types/3685354', 3685354],
    ['https://app.cal.com/event-types/3685354?tabName=setup', 3685354],
    ['app.cal.eu/event-types/42/', 42],
    ['https://cal.smithlaw.example/event-types/7#advanced', 7],
  ])('finds the id in %s', (text, id) => {
    expect(eventTypeReference(text)).toEqual({ ok: true, id });
  });

  it('says nothing was entered for blanks', () => {
    expect(eventTypeReference('   ')).toEqual({ ok: 'empty' });
  });

  it.each(['abc', 'https://app.cal.com/event-types/', 'https://app.cal.com/jordan/free-consultation', '12.5', 'https://app.cal.com/event-types/12abc', '-4'])(
    'refuses %s and says what to enter',
    (text) => {
      const result = eventTypeReference(text);
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.message).toMatch(/number at the end|whole number/);
    },
  );

  it('refuses 0 and numbers beyond what Cal.com stores', () => {
    expect(eventTypeReference('0').ok).toBe(false);
    expect(eventTypeReference('99999999999').ok).toBe(false);
  });
});
