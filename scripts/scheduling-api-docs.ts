// Writes docs/scheduling-api.md from its template and the booking API's zod schemas; with --check, only says whether
// the file on disk is what it would write, and exits 1 when not.
// Usage: node --import tsx scripts/scheduling-api-docs.ts [--check]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_PATH, renderSchedulingApiDocs } from './scheduling-api-docs/render';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = resolve(root, DOCS_PATH);
const expected = renderSchedulingApiDocs();
if (process.argv.includes('--check')) {
  const current = existsSync(target) && readFileSync(target, 'utf8') === expected;
  console[current ? 'log' : 'error'](current ? `${DOCS_PATH} is up to date.` : `${DOCS_PATH} is out of date: run node --import tsx scripts/scheduling-api-docs.ts`);
  process.exitCode = current ? 0 : 1;
} else {
  writeFileSync(target, expected);
  console.log(`Wrote ${DOCS_PATH} (${expected.split('\n').length} lines).`);
}
