// The LawRuler connector against its simulator: the conformance suite every CRM connector passes, then what only
// LawRuler has (the Key in the form, reserved names, failures in a 200, JSON not XML, the status-change webhook,
// Client Root and base URL checks, dates that keep their day). Every request goes to 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useCleanup } from '../../test-support/use-cleanup';
import { CrmError } from '../crm/errors';
import { describeCrmConformance } from '../crm/test-conformance';
import { startLawRulerTestSetup } from './test-lawruler';

describeCrmConformance('LawRuler', () => startLawRulerTestSetup());

const cleanup = useCleanup();
const setUp = async () => cleanup.use(await startLawRulerTestSetup());
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a CrmError');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(CrmError);
      return e as CrmError;
    },
  );

describe('LawRuler connector: the wire', () => {
  it('sends the Key only as a form field, never in a URL or a header, and asks for JSON on every Classic call', async () => {
    const { connector, sampleInput, sim, sent } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(1), 'kayse-marker-1');
    await crm.update(created.id, { firstName: 'Ana' });
    await crm.addNote(created.id, { subject: 'Call', text: 'Called back', at: '2026-11-26T20:00:00Z' });
    await crm.findExisting({ email: 'x@example.com' }, 'kayse-marker-1');
    await crm.testConnection();
    const key = sim.credentials.key;
    expect(sent().length).toBeGreaterThan(5);
    for (const request of sent()) {
      expect(request.url).not.toContain(key);
      expect(request.url).not.toContain(sim.credentials.password);
      expect(Object.values(request.headers).join('\n')).not.toContain(key);
    }
    const classic = sent().filter((r) => r.url.endsWith('/api-legalcrmapp.aspx'));
    expect(classic.length).toBeGreaterThanOrEqual(4);
    for (const request of classic) {
      const form = new URLSearchParams(request.body);
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(form.get('Key')).toBe(key);
      expect(form.get('ReturnJSON')).toBe('True');
      expect(form.has('ReturnXML')).toBe(false);
    }
    const update = classic.map((r) => new URLSearchParams(r.body)).find((f) => f.get('FirstName') === 'Ana')!;
    expect(update.get('overridelead')).toBe('true');
    expect(update.get('LeadID')).toBe(created.id);
  });

  it('posts a create with the fields LawRuler takes: names, cell phone, email, case type and status by name, custom fields, the marker tag', async () => {
    const { connector, sampleInput, sent } = await setUp();
    await connector().create(sampleInput(2), 'kayse-marker-2');
    const create = sent()
      .map((r) => new URLSearchParams(r.body))
      .find((f) => f.has('FirstName') && !f.has('LeadID'))!;
    expect(Object.fromEntries(create)).toMatchObject({
      FirstName: 'Sample2',
      LastName: 'Claimant',
      CellPhone: '(555) 900-0002',
      Email1: 'sample2@example.com',
      CaseType: 'Motor Vehicle Accident',
      Status: 'New Lead',
      Summary: 'Rear-ended at a light',
      Tags: 'kayse:kayse-marker-2',
      Custom1001: '2026-03-01',
      Custom1005: 'ER',
      dupcheck: '0',
    });
  });

  it('refuses reserved names as custom fields, whatever their case, without sending anything', async () => {
    const { connector, sampleInput, sent } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(3), 'kayse-marker-3');
    const before = sent().length;
    for (const name of ['Key', 'operation', 'LEADID', 'OverrideLead', 'returnjson', 'ReturnXML']) {
      const error = await failure(crm.update(created.id, { fields: { [name]: 'x' } }));
      expect(error.kind).toBe('rejected');
      expect(error.crmDetails.field).toBe(name);
      expect(error.message).toMatch(/reserve/);
    }
    expect(sent().slice(before).filter((r) => r.url.endsWith('.aspx'))).toEqual([]);
  });

  it('keeps date-only values on their day whatever the time zone, and reads back yes/no and multi-selects', async () => {
    const { connector, sampleInput, sim } = await setUp();
    const crm = connector();
    const created = await crm.create({ ...sampleInput(4), fields: { Custom1001: '2026-01-01', Custom1003: true, Custom1004: ['Back', 'Neck'], Custom1002: 'Hurt' } }, 'kayse-marker-4');
    // The portal stores and answers US dates ("01/01/2026"); the connector reads the day as written.
    expect(sim.lead(created.id)?.CustomFields).toMatchObject({ Custom1001: '01/01/2026', Custom1003: 'Yes', Custom1004: 'Back, Neck' });
    expect(created.fields).toMatchObject({ Custom1001: '2026-01-01', Custom1003: true, Custom1004: ['Back', 'Neck'], Custom1002: 'Hurt' });
    const updated = await crm.update(created.id, { fields: { Custom1001: '2026-12-31', Custom1003: false } });
    expect(updated.fields).toMatchObject({ Custom1001: '2026-12-31', Custom1003: false });
  });

  it('refuses a value of the wrong type, naming the field, and reports a value LawRuler refuses as `rejected` with its message', async () => {
    const { connector, sampleInput } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(5), 'kayse-marker-5');
    const wrongType = await failure(crm.update(created.id, { fields: { Custom1001: '2026-02-30' } }));
    expect(wrongType).toMatchObject({ kind: 'rejected', crmDetails: { field: 'Custom1001' } });
    const notAnOption = await failure(crm.update(created.id, { fields: { Custom1005: 'Chiropractor' } }));
    expect(notAnOption.kind).toBe('rejected');
    expect(notAnOption.crmDetails).toMatchObject({ field: 'Custom1005', crmMessage: expect.stringContaining("Invalid value 'Chiropractor'") });
    const missing = await failure(crm.create({ ...sampleInput(6), phone: undefined }, 'kayse-marker-6'));
    expect(missing.crmDetails.field).toBe('CellPhone');
  });

  it('needs no XML: the portal answers JSON because every call asks for it', async () => {
    const { connector, sim, sampleInput } = await setUp();
    const crm = connector();
    const created = await crm.create(sampleInput(7), 'kayse-marker-7');
    expect(await crm.get(created.id)).toMatchObject({ id: created.id, statusId: '11', caseTypeId: '1', marker: 'kayse-marker-7' });
    expect(sim.requests().every((r) => r.status === 200)).toBe(true);
  });
});

describe('LawRuler connector: the status-change webhook', () => {
  it('fires on a status change (through the API or by a person) with the static header and every required field', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise((resolve) => receiver.close(resolve)));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/lawruler`;

    const { connector, sampleInput, sim } = await setUp();
    sim.setWebhook({ url, headerName: 'X-Kayse-Secret', headerValue: 'static-secret-123' });
    const crm = connector();
    const created = await crm.create(sampleInput(8), 'kayse-marker-8');
    await crm.update(created.id, { firstName: 'NoStatusChange' });
    await crm.update(created.id, { statusId: '14' });
    sim.changeStatus(created.id, '15');
    await sim.flushWebhooks();

    expect(received).toHaveLength(2);
    expect(received[0]!.headers['x-kayse-secret']).toBe('static-secret-123');
    expect(received[0]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const first = Object.fromEntries(new URLSearchParams(received[0]!.body));
    expect(first).toMatchObject({
      'Lead ID': created.id,
      'Case Type ID': '1',
      'Case Type': 'Motor Vehicle Accident',
      'Status ID': '14',
      Status: 'Signed',
      'Full Name': 'NoStatusChange Claimant',
      'First Name': 'NoStatusChange',
      'Last Name': 'Claimant',
      'Primary Contact ID': expect.stringMatching(/^\d+$/),
      'Created Date': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(Object.fromEntries(new URLSearchParams(received[1]!.body))).toMatchObject({ 'Status ID': '15', Status: 'Rejected' });
    expect(sim.webhookDeliveries().map((d) => d.outcome)).toEqual([200, 200]);
  });
});
