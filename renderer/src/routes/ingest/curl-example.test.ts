import { describe, expect, it } from 'vitest';
import { ingestEventSchema } from '../../../../shared/domain/events';
import { curlExample, KEY_PLACEHOLDER } from './curl-example';

const at = new Date('2026-05-04T13:14:15.678Z');

describe('curlExample', () => {
  it('posts to the events endpoint of the real address', () => {
    expect(curlExample('http://127.0.0.1:4781', at).split('\n')[0]).toBe('curl -i -X POST http://127.0.0.1:4781/v1/events \\');
  });

  it('sends an event the ingest API accepts', () => {
    const body = /-d '([\s\S]*)'$/.exec(curlExample('http://127.0.0.1:4781', at))![1]!;
    const parsed = ingestEventSchema.safeParse(JSON.parse(body));
    expect(parsed.success).toBe(true);
    expect(JSON.parse(body)).toMatchObject({ type: 'call_started', occurred_at: '2026-05-04T13:14:15Z' });
  });

  it('leaves the key to a shell variable unless it is given', () => {
    expect(curlExample('http://h:1', at)).toContain(`-H "X-API-KEY: ${KEY_PLACEHOLDER}"`);
    expect(curlExample('http://h:1', at, 'kik_abc')).toContain(`-H 'X-API-KEY: kik_abc'`);
  });
});
