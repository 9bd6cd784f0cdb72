// `npm run bench`: every benchmark, printed as value, same-run baseline and ratio.
import { benchHeadlessHost } from './headless-host.mjs';
import { benchIngest } from './ingest.ts';
import { benchCsvImport } from './csv-import.ts';
import { benchCasesList } from './cases-list.ts';
import { benchWebhooks } from './webhooks.ts';
import { webhookLogSuite } from './webhook-log.ts';

const suites = [
  ['headless host', benchHeadlessHost],
  ['event ingest API', benchIngest],
  ['CSV import and export (100,000 rows)', benchCsvImport],
  ['workspace lists (100,000 cases)', benchCasesList],
  ['webhook delivery engine', benchWebhooks],
  ['webhook delivery log queries (1,000,000 attempts)', webhookLogSuite],
];

// `npm run bench -- webhook` runs only the suites whose title contains "webhook".
const only = process.argv.slice(2).map((a) => a.toLowerCase());
for (const [title, run] of suites) {
  if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word))) continue;
  console.log(`\n## ${title}`);
  const rows = await run();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'baseline'.padStart(9)}  ratio`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(9)}  ${r.baseline.toFixed(2).padStart(9)}  ${r.ratio.toFixed(2)}×`);
  }
}
