import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { DEMO_RECEIVER_KEEP, startDemoReceiver } from './demo-receiver';

const cleanup = useCleanup();

describe("demo mode's webhook receiver", () => {
  it('answers 200 on 127.0.0.1 and keeps only the latest requests in memory', async () => {
    const receiver = cleanup.use(await startDemoReceiver());
    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/demo-webhook$/);
    const total = DEMO_RECEIVER_KEEP + 5;
    for (let i = 1; i <= total; i++) {
      const res = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: `evt_${i}` }) });
      expect(res.status).toBe(200);
      await res.text();
    }
    expect(receiver.received()).toBe(total);
    const kept = receiver.requests();
    expect(kept).toHaveLength(DEMO_RECEIVER_KEEP);
    expect(JSON.parse(kept[0]!.body)).toEqual({ id: 'evt_6' });
    expect(kept.at(-1)).toMatchObject({ method: 'POST', path: '/demo-webhook', headers: expect.objectContaining({ 'content-type': 'application/json' }) });
  });
});
