// `npm run bench`: every benchmark, printed as value, same-run baseline and ratio.
import { benchHeadlessHost } from './headless-host.mjs';
import { benchIngest } from './ingest.ts';
import { benchCsvImport } from './csv-import.ts';
import { benchCasesList } from './cases-list.ts';
import { benchWebhooks } from './webhooks.ts';
import { webhookLogSuite } from './webhook-log.ts';
import { benchConnectors } from './connectors.ts';
import { benchSync } from './sync.ts';
import { benchScheduling } from './scheduling.ts';

const suites = [
  ['headless host', benchHeadlessHost],
  ['event ingest API', benchIngest],
  ['CSV import and export (100,000 rows)', benchCsvImport],
  ['workspace lists (100,000 cases)', benchCasesList],
  ['webhook delivery engine', benchWebhooks],
  ['webhook delivery log queries (1,000,000 attempts)', webhookLogSuite],
  ['CRM connectors (SmartAdvocate, 100,000 cases)', benchConnectors],
  ['sync engine: initial sync (SmartAdvocate, 100,000 cases) and real time', benchSync],
  ['scheduling booking API (Cal.com simulator)', benchScheduling],
];

// `npm run bench -- webhook` runs only the suites whose title contains "webhook".
const only = process.argv.slice(2).map((a) => a.toLowerCase());
// Suites that ingest (rows with `refusals`) print how many requests the ingest API refused in each row. The
// benchmarks never retry: a refusal is a failure, and the run ends with a non-zero exit code after its rows.
const refused = [];
for (const [title, run] of suites) {
  if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word))) continue;
  console.log(`\n## ${title}`);
  const rows = await run();
  const width = Math.max(...rows.map((r) => r.name.length));
  const counted = rows.some((r) => r.refusals !== undefined);
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'baseline'.padStart(9)}  ${'ratio'.padEnd(7)}${counted ? '  refusals' : ''}`);
  for (const r of rows) {
    const refusals = counted ? `  ${String(r.refusals ?? '–').padStart(8)}` : '';
    console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(9)}  ${r.baseline.toFixed(2).padStart(9)}  ${`${r.ratio.toFixed(2)}×`.padEnd(7)}${refusals}`);
    if (r.refusals > 0) refused.push(r);
  }
}
if (refused.length > 0) {
  console.error(`\n${refused.length} row(s) had refused requests (the ingest API must refuse none):`);
  for (const r of refused) console.error(`- ${r.name}: ${r.refusals}`);
  const answers = new Set(refused.flatMap((r) => r.refusalExamples ?? []));
  for (const answer of answers) console.error(`  answered: ${answer}`);
  process.exitCode = 1;
}
