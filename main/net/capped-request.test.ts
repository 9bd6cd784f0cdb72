// An answer is read whole up to its cap; past it the request fails with AnswerTooLarge (never held in memory).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { AnswerTooLarge, requestCapped } from './capped-request';

const cleanup = useCleanup();

async function serve(bytes: number): Promise<string> {
  const server = createServer((_req, res) => res.end('x'.repeat(bytes)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.add(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('requestCapped', () => {
  it('reads an answer up to the cap, and refuses one past it with the status it came with', async () => {
    const dispatcher = new Agent();
    cleanup.add(() => dispatcher.close());
    const small = await requestCapped(await serve(1_000), { method: 'GET', dispatcher, timeoutMs: 5_000, maxBytes: 1_000 });
    expect(small).toMatchObject({ status: 200, text: 'x'.repeat(1_000) });
    const large = requestCapped(await serve(200_000), { method: 'GET', dispatcher, timeoutMs: 5_000, maxBytes: 1_000 });
    await expect(large).rejects.toBeInstanceOf(AnswerTooLarge);
    await expect(large).rejects.toMatchObject({ status: 200, maxBytes: 1_000 });
  });
});
