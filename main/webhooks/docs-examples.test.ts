// The verification examples published in docs/webhooks.md (Node.js and Python) accept what the console really
// signs and refuse what they must; the standardwebhooks package agrees; and the generated doc is up to date.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { eventDataSchemas } from '../../shared/domain/events';
import { SAMPLE_DATA } from '../ingest/sample-events';
import { makeTempDir } from '../test-support/temp-dir';
import { buildEnvelope, serializeEnvelope } from './policy/envelope';
import { signRequest } from './signing/sign';
import { generateSigningSecret } from './signing/signing-secret';

const root = fileURLToPath(new URL('../..', import.meta.url));
const examples = join(root, 'docs', 'examples');

type Verify = (rawBody: Buffer | string, headers: Record<string, string> | Headers, secrets: string | string[], options?: { now?: Date }) => boolean;
const nodeExample = (await import(new URL('../../docs/examples/verify-webhook.mjs', import.meta.url).href)) as { verifyKayseSignature: Verify; verifyStandardWebhook: Verify };

const active = generateSigningSecret();
const rotatedOut = generateSigningSecret();
const stranger = generateSigningSecret();

// A real body (non-ASCII text included, so byte/character mix-ups show) as the console sends it.
const body = serializeEnvelope(
  buildEnvelope(
    {
      id: 'evt_01KDOCSEXAMPLE0000000000',
      type: 'call_analyzed',
      occurredAt: '2026-11-26T20:10:00Z',
      campaignId: 'camp_pi_2026',
      caseId: 'case_docs',
      clientId: null,
      caseType: 'Personal Injury',
      data: eventDataSchemas.call_analyzed.parse({ ...SAMPLE_DATA.call_analyzed, summary: 'José’s neck hurts — “rear-ended”, 車' }) as Record<string, unknown>,
    },
    { test: false },
  ),
);
const now = Math.floor(Date.now() / 1000);
const sign = (timestamp: number) => ({
  'Content-Type': 'application/json',
  ...signRequest({ eventId: 'evt_01KDOCSEXAMPLE0000000000', rawBody: body, secrets: [active, rotatedOut], timestamp }),
});
const signed = sign(now);

interface Case {
  label: string;
  body: string;
  headers: Record<string, string>;
  secrets: string | string[];
  /** Unix seconds to verify at; the system clock when absent. */
  at?: number;
  accepted: boolean;
}

const cases: Case[] = [
  { label: 'the active secret', body, headers: signed, secrets: active, accepted: true },
  { label: 'the rotated-out secret still in grace', body, headers: signed, secrets: rotatedOut, accepted: true },
  { label: 'a list holding one of the two secrets', body, headers: signed, secrets: [stranger, rotatedOut], accepted: true },
  { label: 'a timestamp exactly 5 minutes old', body, headers: signed, secrets: active, at: now + 300, accepted: true },
  { label: 'an unrelated secret', body, headers: signed, secrets: stranger, accepted: false },
  { label: 'a tampered body', body: body.replace('"neutral"', '"positive"'), headers: signed, secrets: active, accepted: false },
  { label: 'the body parsed and serialised again', body: JSON.stringify(JSON.parse(body), null, 1), headers: signed, secrets: active, accepted: false },
  { label: 'a timestamp 5 minutes and 1 second old', body, headers: signed, secrets: active, at: now + 301, accepted: false },
  { label: 'a request signed 10 minutes ago (system clock)', body, headers: sign(now - 600), secrets: [active, rotatedOut], accepted: false },
  { label: 'a timestamp 6 minutes in the future', body, headers: sign(now + 360), secrets: active, accepted: false },
  { label: 'no signature headers', body, headers: { 'Content-Type': 'application/json' }, secrets: active, accepted: false },
];

const SCHEMES = ['kayse', 'standard'] as const;
const expected = cases.flatMap((c) => SCHEMES.map((scheme) => `${scheme}: ${c.label}: ${c.accepted ? 'accepted' : 'refused'}`));
const describeResults = (results: boolean[]) =>
  cases.flatMap((c, i) => SCHEMES.map((scheme, j) => `${scheme}: ${c.label}: ${results[i * 2 + j] ? 'accepted' : 'refused'}`));

describe('the Node.js example (docs/examples/verify-webhook.mjs)', () => {
  it('accepts real signatures with either secret of a rotation and refuses tampering, wrong secrets and stale timestamps', () => {
    const results = cases.flatMap((c) => {
      const options = c.at === undefined ? undefined : { now: new Date(c.at * 1000) };
      return [nodeExample.verifyKayseSignature(Buffer.from(c.body), c.headers, c.secrets, options), nodeExample.verifyStandardWebhook(c.body, c.headers, c.secrets, options)];
    });
    expect(describeResults(results)).toEqual(expected);
  });

  it('reads headers from a fetch Headers and from lowercased names (as Node gives them)', () => {
    const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
    for (const headers of [new Headers(signed), lower]) {
      expect(nodeExample.verifyKayseSignature(body, headers, active)).toBe(true);
      expect(nodeExample.verifyStandardWebhook(body, headers, rotatedOut)).toBe(true);
    }
  });
});

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;
// CI must not pass by skipping: there python3 is required (it also builds better-sqlite3).
const skipPython = !hasPython && process.env.CI !== 'true';

const PYTHON_DRIVER = `
import base64, json, sys
sys.path.insert(0, sys.argv[1])
from verify_webhook import verify_kayse_signature, verify_standard_webhook
results = []
for case in json.load(sys.stdin):
    body = base64.b64decode(case["body"])
    for verify in (verify_kayse_signature, verify_standard_webhook):
        results.append(verify(body, case["headers"], case["secrets"], now=case.get("at")))
print(json.dumps(results))
`;

describe(`the Python example (docs/examples/verify_webhook.py)${skipPython ? ' — SKIPPED: python3 is not installed' : ''}`, () => {
  it.skipIf(skipPython)('accepts real signatures with either secret of a rotation and refuses tampering, wrong secrets and stale timestamps', () => {
    const input = JSON.stringify(cases.map((c) => ({ body: Buffer.from(c.body).toString('base64'), headers: c.headers, secrets: c.secrets, at: c.at ?? null })));
    // No __pycache__ left in docs/examples.
    const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
    const run = spawnSync('python3', ['-c', PYTHON_DRIVER, examples], { input, encoding: 'utf8', env });
    expect(run.error, 'python3 is required here (CI); install it').toBeUndefined();
    expect(run.stderr).toBe('');
    expect(describeResults(JSON.parse(run.stdout) as boolean[])).toEqual(expected);
  });
});

describe('the standardwebhooks npm package (named in the docs)', () => {
  const verifies = (secret: string, c: Pick<Case, 'body' | 'headers'>) => {
    try {
      new Webhook(secret).verify(c.body, c.headers);
      return true;
    } catch {
      return false;
    }
  };

  it('verifies the console’s Standard Webhooks headers with either secret and refuses what the examples refuse', () => {
    expect(verifies(active, { body, headers: signed })).toBe(true);
    expect(verifies(rotatedOut, { body, headers: signed })).toBe(true);
    expect(verifies(stranger, { body, headers: signed })).toBe(false);
    expect(verifies(active, { body: body.replace('"neutral"', '"positive"'), headers: signed })).toBe(false);
    expect(verifies(active, { body, headers: sign(now - 600) })).toBe(false);
  });
});

describe('docs/webhooks.md', () => {
  const temp = makeTempDir('kayse-webhook-docs-');
  afterAll(() => temp.remove());
  const generator = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/webhook-docs.ts', ...args], { cwd: root, encoding: 'utf8' });

  it('is what scripts/webhook-docs.ts generates (npm run docs:webhooks)', () => {
    const run = generator('--check');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('docs/webhooks.md is up to date');
    expect(run.status).toBe(0);
  });

  it('--check fails with a clear message on a stale copy', () => {
    const stale = join(temp.dir, 'webhooks.md');
    const current = readFileSync(join(root, 'docs', 'webhooks.md'), 'utf8');
    const edited = current.replace('| 9 | 12 h |', '| 9 | 6 h |');
    expect(edited).not.toBe(current);
    writeFileSync(stale, edited);
    const run = generator('--check', '--out', stale);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/webhooks\.md is out of date: run npm run docs:webhooks \(first difference at line \d+\)/);
  });
});
