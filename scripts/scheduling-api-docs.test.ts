// docs/scheduling-api.md is what the generator writes from the booking API's zod schemas (no drift), and documents
// every route the booking API serves and every refusal reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOOKING_ERROR_REASONS } from '../main/scheduling/booking';
import { DOCS_PATH, renderSchedulingApiDocs } from './scheduling-api-docs/render';

describe('docs/scheduling-api.md', () => {
  it('is current with the zod schemas (run node --import tsx scripts/scheduling-api-docs.ts after changing them)', () => {
    expect(readFileSync(DOCS_PATH, 'utf8')).toBe(renderSchedulingApiDocs());
  });

  it('documents the four routes, the Idempotency-Key, and every refusal reason', () => {
    const docs = renderSchedulingApiDocs();
    for (const route of ['GET /v1/agents/{agentId}/availability', 'POST /v1/agents/{agentId}/bookings', 'POST /v1/bookings/{uid}/cancel', 'POST /v1/bookings/{uid}/reschedule']) {
      expect(docs).toContain(`## ${route}`);
    }
    expect(docs).toContain('"required": [\n    "start",\n    "attendee"\n  ]');
    for (const reason of Object.keys(BOOKING_ERROR_REASONS)) expect(docs).toContain(`\`${reason}\``);
    expect(docs).not.toMatch(/\{\{/);
  });
});
