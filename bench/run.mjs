// `npm run bench`: every benchmark, printed as value, same-run baseline and ratio.
import { benchHeadlessHost } from './headless-host.mjs';
import { benchIngest } from './ingest.ts';
import { benchCsvImport } from './csv-import.ts';
import { benchCasesList } from './cases-list.ts';

const suites = [
  ['headless host', benchHeadlessHost],
  ['event ingest API', benchIngest],
  ['CSV import and export (100,000 rows)', benchCsvImport],
  ['workspace lists (100,000 cases)', benchCasesList],
];

for (const [title, run] of suites) {
  console.log(`\n## ${title}`);
  const rows = await run();
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'baseline'.padStart(9)}  ratio`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(9)}  ${r.baseline.toFixed(2).padStart(9)}  ${r.ratio.toFixed(2)}×`);
  }
}
