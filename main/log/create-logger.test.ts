import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../test-support/use-cleanup';
import { createLogger } from './create-logger';

const cleanup = useCleanup();
const temp = () => cleanup.tempDir();

describe('logger', () => {
  it('writes structured JSON lines and redacts credential-looking keys', async () => {
    const logDir = join(temp(), 'logs');
    const log = createLogger({ logDir });
    log.logger.info({ connector: 'lawruler', password: 'hunter2-pw', config: { clientSecret: 'cs-999', apiKey: 'ak-777' } }, 'connecting');
    await log.close();
    const lines = readFileSync(join(logDir, 'console.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'connecting', connector: 'lawruler', password: '[redacted]' });
    expect(lines[0].config).toEqual({ clientSecret: '[redacted]', apiKey: '[redacted]' });
    const raw = readFileSync(join(logDir, 'console.log'), 'utf8');
    for (const secret of ['hunter2-pw', 'cs-999', 'ak-777']) expect(raw).not.toContain(secret);
  });

  it('rotates by size and keeps a bounded number of files', async () => {
    const logDir = join(temp(), 'logs');
    const log = createLogger({ logDir, size: '1K', maxFiles: 2 });
    for (let i = 0; i < 200; i += 1) {
      log.logger.info({ i, filler: 'x'.repeat(60) }, 'line');
      // Give the stream a turn so that rotation (async) happens between writes, as it would in a running app.
      if (i % 20 === 19) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await log.close();
    const files = readdirSync(logDir);
    expect(files.sort()).toEqual(['console.log', 'console.log.1', 'console.log.2']);
  });

  it('keeps every log file, rotated ones too, readable by its owner only whatever the umask', async () => {
    const logDir = join(temp(), 'logs');
    const umask = process.umask(0o022);
    try {
      const log = createLogger({ logDir, size: '1K', maxFiles: 2 });
      for (let i = 0; i < 60; i += 1) {
        log.logger.info({ i, filler: 'x'.repeat(60) }, 'line');
        if (i % 20 === 19) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await log.close();
    } finally {
      process.umask(umask);
    }
    const files = readdirSync(logDir);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect((statSync(join(logDir, f)).mode & 0o777).toString(8), f).toBe('600');
  });
});
