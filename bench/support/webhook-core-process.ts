// A console core in its own process for the crash benchmark (the parent kills it with SIGKILL mid-burst): its
// ingest API listens on a free loopback port; with BENCH_SETUP it also creates the webhook and an API key.
// Reports {url, apiKey} to the parent over IPC.
import { createCore } from '../../main/core';
import { testApi } from '../../main/test-support/api';

const dataDir = process.env.BENCH_DATA_DIR!;
const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: process.env.BENCH_SECRETS_KEY }, logLevel: 'warn' });
const status = await core.ingest.listen({ host: '127.0.0.1', port: 0 });
let apiKey: string | null = null;
if (process.env.BENCH_SETUP) {
  const setup = JSON.parse(process.env.BENCH_SETUP) as { url: string; ca: string };
  core.webhooks.updateSettings({ allowlist: ['127.0.0.1/32'], extraCa: [setup.ca] });
  await testApi(core).webhooks.create({ name: 'Crash receiver', url: setup.url });
  apiKey = core.ingest.keys.create({ name: 'bench', rateLimitPerMinute: 1_000_000 }).apiKey;
}
process.send!({ url: status.url, apiKey });
process.on('message', (msg: { cmd: string }) => {
  if (msg.cmd === 'counts') {
    const q = (sql: string) => (core.database.sqlite.prepare(sql).get() as { n: number }).n;
    process.send!({
      events: q('SELECT count(*) AS n FROM events'),
      pending: q("SELECT count(*) AS n FROM webhook_deliveries WHERE state IN ('pending', 'in_flight')"),
      interrupted: q("SELECT count(*) AS n FROM webhook_attempts WHERE error_message LIKE 'Interrupted:%'"),
    });
  }
});
