// The booking API's cost to a live call: availability and booking through the console (HTTP to the ingest server,
// API key, zod, the booking service, its SQLite activity row and Idempotency-Key, then Cal.com) beside the same
// Cal.com client calling the simulator directly, interleaved in the same run against the same in-process simulator;
// the added latency (p50, p99; target p50 ≤ 2 ms). Then 20 voice calls booking 20 distinct slots at once through
// the console: each booked once, none twice (checked in the simulator's own booking list).
// The simulator limits a key to 120 requests a minute, like Cal.com: its clock jumps a minute ahead every 100
// requests so that the measurement never meets the limit (slots are weeks ahead; a jump changes none of them).
// On a busy machine wall times wander (waiting for a core); the CPU time rows are the steadier measure of the work.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { createCalcomClient } from '../main/connectors';
import { startCalcomSimulator } from '../main/connectors/calcom/simulator';
import { createCore } from '../main/core';
import { createIngest } from '../main/ingest';
import { createGuardedAgent } from '../main/net';
import { bookingRoutes, createBookingService } from '../main/scheduling/booking';

interface Row {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
}

const AVAILABILITY_SAMPLES = 200;
const BOOKING_SAMPLES = 100;
const CONCURRENT = 20;
const TARGET_ADDED_P50_MS = 2;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function benchScheduling(): Promise<Row[]> {
  let offsetMs = 0;
  let requests = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  /** Counts a Cal.com request; every 100, the simulator's minute (and its rate-limit window) moves on. */
  const counted = <T>(value: T): T => {
    requests += 1;
    if (requests % 100 === 0) offsetMs += 61_000;
    return value;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'kayse-bench-scheduling-'));
  const core = createCore({ dataDir, env: { KAYSE_SECRETS_KEY: randomBytes(32).toString('base64') }, logLevel: 'warn' });
  const sim = await startCalcomSimulator({ clock });
  const dispatcher = createGuardedAgent({ allowlist: ['127.0.0.1/32'], connectTimeoutMs: 2_000 });
  const client = createCalcomClient({ apiKey: sim.keys.valid, baseUrl: sim.url, dispatcher, timeoutMs: 5_000, clock });
  const { workspace } = core;
  workspace.company.update({ name: 'Bench Law', timezone: 'America/New_York' });
  const agent = workspace.agents.create({ name: 'Bench intake', campaignId: null, appointmentBooking: true, eventTypeId: 502 });
  const service = createBookingService({ clientFor: async () => client, agents: workspace.agents, company: workspace.company, records: workspace.records, clock, sqlite: core.database.sqlite, events: core.events });
  const ingest = createIngest({ sqlite: core.database.sqlite, records: workspace.records, clock, events: core.events, logger: core.logger, booking: bookingRoutes(() => service) });
  const pool = { close: async () => undefined } as { close(): Promise<unknown> };
  try {
    const status = await ingest.listen({ host: '127.0.0.1', port: 0 });
    const { apiKey } = ingest.keys.create({ name: 'bench', rateLimitPerMinute: 1_000_000 });
    const http = new Pool(status.url!, { connections: CONCURRENT, pipelining: 1 });
    pool.close = () => http.close();
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await http.request({ method, path, headers: { 'x-api-key': apiKey, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.body.text();
      return { status: res.statusCode, body: JSON.parse(text) as { booking?: { uid: string; start: string }; slots?: unknown[]; error?: { message: string } } };
    };

    // A day three weeks ahead (a weekday: eight one-hour slots); the bookable slots of the next five months.
    const day = new Date(clock.now().getTime() + 21 * 86_400_000);
    while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
    const from = `${day.toISOString().slice(0, 10)}T00:00:00-05:00`;
    const to = `${day.toISOString().slice(0, 10)}T23:59:00-05:00`;
    const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const free = counted(await client.slots({ eventTypeId: 502, start: new Date(clock.now().getTime() + 86_400_000).toISOString(), end: new Date(clock.now().getTime() + 150 * 86_400_000).toISOString(), timeZone: 'America/New_York' }));
    if (free.length < 2 * BOOKING_SAMPLES + CONCURRENT + 20) throw new Error(`only ${free.length} free slots for the booking runs`);

    // CPU time of this process per call (client, console and simulator all run here): steadier than wall time when
    // the machine is busy, since waiting for a core isn't counted.
    const cpu = { availConsole: 0, availDirect: 0, bookConsole: 0, bookDirect: 0 };
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1000;
    };
    const availability = { console: [] as number[], direct: [] as number[] };
    for (let i = 0; i < AVAILABILITY_SAMPLES + 20; i += 1) {
      let c = process.cpuUsage();
      let t = performance.now();
      const res = counted(await call('GET', `/v1/agents/${agent.id}/availability${query}`));
      const consoleMs = performance.now() - t;
      if (i >= 20) cpu.availConsole += cpuMs(c);
      if (res.status !== 200 || res.body.slots?.length !== 8) throw new Error(`availability through the console answered ${res.status}: ${JSON.stringify(res.body)}`);
      c = process.cpuUsage();
      t = performance.now();
      counted(await client.slots({ eventTypeId: 502, start: new Date(from).toISOString(), end: new Date(to).toISOString(), timeZone: 'America/New_York' }));
      const directMs = performance.now() - t;
      if (i >= 20) cpu.availDirect += cpuMs(c);
      if (i >= 20) {
        availability.console.push(consoleMs);
        availability.direct.push(directMs);
      }
    }

    const booking = { console: [] as number[], direct: [] as number[] };
    const attendee = { name: 'Bench Caller', email: 'caller@example.com' };
    for (let i = 0; i < BOOKING_SAMPLES + 10; i += 1) {
      const mine = free[CONCURRENT + 2 * i]!.start;
      const theirs = free[CONCURRENT + 2 * i + 1]!.start;
      let c = process.cpuUsage();
      let t = performance.now();
      const res = counted(await call('POST', `/v1/agents/${agent.id}/bookings`, { start: mine, attendee }, { 'idempotency-key': randomUUID() }));
      const consoleMs = performance.now() - t;
      if (i >= 10) cpu.bookConsole += cpuMs(c);
      if (res.status !== 201) throw new Error(`a booking through the console answered ${res.status}: ${JSON.stringify(res.body)}`);
      c = process.cpuUsage();
      t = performance.now();
      counted(await client.book({ eventTypeId: 502, start: theirs, attendee: { ...attendee, timeZone: 'America/New_York' } }));
      const directMs = performance.now() - t;
      if (i >= 10) cpu.bookDirect += cpuMs(c);
      if (i >= 10) {
        booking.console.push(consoleMs);
        booking.direct.push(directMs);
      }
    }

    // 20 voice calls at once, each booking its own slot; each call's tool retries once with its key.
    offsetMs += 61_000;
    const slots = free.slice(0, CONCURRENT).map((s) => s.start);
    const keys = slots.map(() => randomUUID());
    const first = await Promise.all(slots.map((start, n) => call('POST', `/v1/agents/${agent.id}/bookings`, { start, attendee: { name: `Caller ${n}`, phone: `+1555000${String(1000 + n)}` } }, { 'idempotency-key': keys[n]! })));
    const retried = await Promise.all(slots.map((start, n) => call('POST', `/v1/agents/${agent.id}/bookings`, { start, attendee: { name: `Caller ${n}`, phone: `+1555000${String(1000 + n)}` } }, { 'idempotency-key': keys[n]! })));
    const made = first.filter((r) => r.status === 201).length;
    const sameOnRetry = retried.filter((r, n) => r.status === 200 && r.body.booking?.uid === first[n]!.body.booking?.uid).length;
    const wanted = new Set(slots.map((s) => new Date(s).toISOString()));
    const atSim = sim.bookings().filter((b) => wanted.has(b.start) && b.status !== 'cancelled');
    const twice = atSim.length - new Set(atSim.map((b) => b.start)).size;
    if (made !== CONCURRENT || sameOnRetry !== CONCURRENT || atSim.length !== CONCURRENT || twice !== 0) {
      throw new Error(`20 concurrent bookings: ${made} made, ${sameOnRetry} retries answered the same booking, ${atSim.length} at Cal.com, ${twice} slot(s) booked twice`);
    }

    const addedAvail = percentile(availability.console, 50) - percentile(availability.direct, 50);
    const addedBook = percentile(booking.console, 50) - percentile(booking.direct, 50);
    const row = (name: string, value: number, baseline: number): Row => ({ name, value, baseline, ratio: value / baseline });
    const rows = [
      row('availability p50 ms (console API / Cal.com direct)', percentile(availability.console, 50), percentile(availability.direct, 50)),
      row('availability p99 ms (console API / Cal.com direct)', percentile(availability.console, 99), percentile(availability.direct, 99)),
      row('booking p50 ms (console API / Cal.com direct)', percentile(booking.console, 50), percentile(booking.direct, 50)),
      row('booking p99 ms (console API / Cal.com direct)', percentile(booking.console, 99), percentile(booking.direct, 99)),
      row(`availability added p50 ms (target ≤ ${TARGET_ADDED_P50_MS})`, addedAvail, TARGET_ADDED_P50_MS),
      row('availability added p99 ms', percentile(availability.console, 99) - percentile(availability.direct, 99), TARGET_ADDED_P50_MS),
      row(`booking added p50 ms (target ≤ ${TARGET_ADDED_P50_MS})`, addedBook, TARGET_ADDED_P50_MS),
      row('booking added p99 ms', percentile(booking.console, 99) - percentile(booking.direct, 99), TARGET_ADDED_P50_MS),
      row('availability CPU ms per call (console API / Cal.com direct)', cpu.availConsole / AVAILABILITY_SAMPLES, cpu.availDirect / AVAILABILITY_SAMPLES),
      row('booking CPU ms per call (console API / Cal.com direct)', cpu.bookConsole / BOOKING_SAMPLES, cpu.bookDirect / BOOKING_SAMPLES),
      row(`${CONCURRENT} concurrent bookings, each booked once (at Cal.com)`, atSim.length, CONCURRENT),
      row(`${CONCURRENT} retried with their keys: same booking back`, sameOnRetry, CONCURRENT),
    ];
    return rows;
  } finally {
    await pool.close();
    await ingest.close();
    await sim.close();
    await dispatcher.close();
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
