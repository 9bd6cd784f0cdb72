// Writes docs/webhooks.md from its template and the code (`npm run docs:webhooks`); with --check, only says whether
// the file on disk is what it would write, and exits 1 when not.
// Usage: node --import tsx scripts/webhook-docs.ts [--check] [--out <file>]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_PATH, renderWebhookDocs } from './webhook-docs/render-docs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The first line where two texts differ (1-based), for a helpful --check message. */
function firstDifference(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) if (left[i] !== right[i]) return i + 1;
  return 0;
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const outIndex = args.indexOf('--out');
  const unknown = args.filter((a, i) => a !== '--check' && !(outIndex >= 0 && (i === outIndex || i === outIndex + 1)));
  if (unknown.length > 0 || (outIndex >= 0 && args[outIndex + 1] === undefined)) {
    console.error(`Unknown arguments: ${args.join(' ')}\nUsage: node --import tsx scripts/webhook-docs.ts [--check] [--out <file>]`);
    return 2;
  }
  const relative = outIndex >= 0 ? args[outIndex + 1]! : DOCS_PATH;
  const target = resolve(root, relative);
  const expected = renderWebhookDocs();
  if (check) {
    const actual = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (actual === expected) {
      console.log(`${relative} is up to date.`);
      return 0;
    }
    const where = actual === null ? 'it does not exist' : `first difference at line ${firstDifference(actual, expected)}`;
    console.error(`${relative} is out of date: run npm run docs:webhooks (${where}).`);
    return 1;
  }
  writeFileSync(target, expected);
  console.log(`Wrote ${relative} (${expected.split('\n').length} lines).`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
