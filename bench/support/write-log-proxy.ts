// A loopback proxy in front of the SmartAdvocate simulator (in this process) that logs every write the console makes
// with what it wrote and what the simulator held just before, and each read of a case: the simulator's own request
// log has no bodies, and an echo is told by its values. Used by the two-way soak (sync-soak.ts).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmartAdvocateSimulator } from '../../main/connectors/smartadvocate/simulator';

type Contact = { firstName: string; lastName: string; email: string | null };

export interface LoggedWrite {
  at: number;
  method: string;
  path: string;
  /** The case a contact patch changed (a created case's contact id is its case id + 1,000,000), or null. */
  caseId: string | null;
  /** The contact fields the patch set (`firstName`, `lastName`, `email`) → value. */
  values: Record<string, string | null>;
  /** The case's contact in the simulator just before the write. */
  before: Contact | null;
  status: number;
}

const CASE_READ = /^\/CaseSyncAPI\/case\/(\d+)$/i;
const CONTACT = /^\/CaseSyncAPI\/contact\/(\d+)$/i;
const FIELDS: Record<string, keyof Contact> = { '/firstname': 'firstName', '/lastname': 'lastName', '/email': 'email' };

export async function writeLogProxy(sim: SmartAdvocateSimulator) {
  const target = new URL(sim.host);
  const writes: LoggedWrite[] = [];
  /** Each read of one case (the push reads the case before it decides): when, and the first name the CRM held. */
  const reads: { at: number; caseId: string; held: string | null }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0]!;
      let entry: LoggedWrite | null = null;
      const read = req.method === 'GET' ? CASE_READ.exec(path) : null;
      if (read) reads.push({ at: Date.now(), caseId: read[1]!, held: sim.caseState(read[1]!)?.contact.firstName ?? null });
      if (req.method !== 'GET' && !/authenticate/i.test(path) && !/byDatePaged/i.test(path)) {
        const contact = CONTACT.exec(path);
        const caseId = contact ? String(Number(contact[1]) - 1_000_000) : null;
        const state = caseId ? sim.caseState(caseId) : null;
        const values: Record<string, string | null> = {};
        if (contact) {
          for (const op of JSON.parse(body.toString('utf8') || '[]') as { op: string; path: string; value?: string | null }[]) {
            const field = FIELDS[op.path.toLowerCase()];
            if (field) values[field] = op.op === 'remove' ? null : (op.value ?? null);
          }
        }
        entry = { at: Date.now(), method: req.method ?? '', path, caseId, values, before: state ? { ...state.contact } : null, status: 0 };
        writes.push(entry);
      }
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        if (entry) entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    writes,
    reads,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
