// The generated parts of docs/webhooks.md tell the truth: the published JSON Schemas accept the bodies the console
// sends, the retry table adds up, the worked signature example recomputes, and every procedure named exists.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { webhooksContract } from '../../shared/contract/webhooks';
import { EVENT_TYPES } from '../../shared/domain/events';
import { buildEnvelope, serializeEnvelope } from '../../main/webhooks/policy/envelope';
import { webhookDataJsonSchema } from './data-schema';
import { envelopeJsonSchema } from './envelope-schema';
import { renderWebhookDocs, TEMPLATE_PATH } from './render-docs';
import { retryRows } from './retry-table';
import { EXAMPLE_SECRETS, sampleBody, sampleStoredEvent } from './sample-deliveries';

const doc = renderWebhookDocs();
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validEnvelope = ajv.compile(envelopeJsonSchema());
const errorsOf = (valid: boolean, errors: unknown) => (valid ? [] : errors);

describe('the published JSON Schemas', () => {
  it.each(EVENT_TYPES)('accept the %s bodies the console sends (linked to a case or not, real or test)', (type) => {
    const validData = ajv.compile(webhookDataJsonSchema(type));
    const unlinked = serializeEnvelope(buildEnvelope({ ...sampleStoredEvent(type), caseId: null, clientId: null }, { test: false }));
    for (const raw of [sampleBody(type), sampleBody(type, true), unlinked]) {
      const body = JSON.parse(raw) as { type: string; data: unknown };
      expect(errorsOf(validEnvelope(body), validEnvelope.errors)).toEqual([]);
      expect(body.type).toBe(type);
      expect(errorsOf(validData(body.data), validData.errors)).toEqual([]);
    }
  });

  it('refuse a body that breaks them (so the check above is not vacuous)', () => {
    const validData = ajv.compile(webhookDataJsonSchema('call_started'));
    const body = JSON.parse(sampleBody('call_started')) as { data: Record<string, unknown> };
    expect(validData({ ...body.data, direction: 'sideways' })).toBe(false);
    expect(validData({ ...body.data, unknown_field: 1 })).toBe(false);
    expect(validEnvelope({ ...body, test: 'no' })).toBe(false);
  });
});

describe('the retry table', () => {
  it('follows the schedule: 9 attempts, ±20 % jitter, about 22.7 h nominal, capped at 24 h', () => {
    const rows = retryRows();
    expect(rows.map((r) => r.delayMs / 1000)).toEqual([0, 30, 120, 600, 1_800, 3_600, 10_800, 21_600, 43_200]);
    expect(rows[1]).toMatchObject({ minDelayMs: 24_000, maxDelayMs: 36_000, cumulativeMs: 30_000 });
    expect(rows.at(-1)).toMatchObject({ cumulativeMs: 81_750_000, latestMs: 24 * 3_600_000 });
    expect(doc).toContain('| 9 | 12 h | 9 h 36 min – 14 h 24 min | 22 h 42 min 30 s | 18 h 10 min – 24 h (the 24 h limit) |');
  });
});

describe('the worked signature example', () => {
  const section = doc.slice(doc.indexOf('### Worked example'), doc.indexOf('### Node.js'));
  const body = /```json\n(.+)\n```/.exec(section)![1]!;
  const t = /X-Kayse-Signature: t=(\d+),v1=([0-9a-f]{64}),v1=([0-9a-f]{64})/.exec(section)!;
  const standard = /webhook-signature: v1,(\S+) v1,(\S+)/.exec(section)!;
  const id = /webhook-id: (\S+)/.exec(section)![1]!;
  const keys = EXAMPLE_SECRETS.map((s) => Buffer.from(s.slice('whsec_'.length), 'base64'));

  it('recomputes with a plain HMAC of the printed body, for both secrets and both schemes', () => {
    expect(keys.map((key) => createHmac('sha256', key).update(`${t[1]}.${body}`).digest('hex'))).toEqual([t[2], t[3]]);
    expect(keys.map((key) => createHmac('sha256', key).update(`${id}.${t[1]}.${body}`).digest('base64'))).toEqual([standard[1], standard[2]]);
  });

  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
  it.skipIf(!hasOpenssl)('recomputes with the printed openssl commands', () => {
    const commands = /```sh\n([\s\S]+?)\n```/.exec(section)![1]!;
    const run = spawnSync('bash', ['-c', commands], { encoding: 'utf8' });
    expect(run.stdout.trim().split('\n')).toEqual([t[2], standard[1]]);
  });
});

describe('the docs as a whole', () => {
  it('name only contract procedures that exist', () => {
    const named = [...doc.matchAll(/`(webhooks|deliveries)\.(\w+)`/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(named.length).toBeGreaterThan(10);
    const missing = named.filter((name) => {
      const [group, procedure] = name.split('.') as ['webhooks' | 'deliveries', string];
      return !(procedure in webhooksContract[group]);
    });
    expect(missing).toEqual([]);
  });

  it('has a section with a description, fields, an example and a schema for every event type', () => {
    for (const type of EVENT_TYPES) {
      const start = doc.indexOf(`\n### ${type}\n`);
      expect(start, type).toBeGreaterThan(0);
      const section = doc.slice(start, doc.indexOf('\n### ', start + 1));
      expect(section).toContain('| field | type |');
      expect(section).toContain(`"type": "${type}"`);
      expect(section).toContain(`JSON Schema of <code>data</code> for ${type}`);
    }
  });

  it('refuses a template with an unknown placeholder or one that drops a generated part', () => {
    const template = readFileSync(new URL(`../../${TEMPLATE_PATH}`, import.meta.url), 'utf8');
    expect(() => renderWebhookDocs(`${template}\n{{SOMETHING_NEW}}`)).toThrow(/uses \{\{SOMETHING_NEW\}\}, which the generator does not know/);
    expect(() => renderWebhookDocs(template.replace('{{RETRY_TABLE}}', ''))).toThrow(/no longer uses \{\{RETRY_TABLE\}\}/);
  });
});
