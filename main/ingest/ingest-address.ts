// Where the ingest API listens: 127.0.0.1:4781 unless a flag or KAYSE_INGEST_PORT / KAYSE_INGEST_HOST says
// otherwise (port 0 = any free port).
export const DEFAULT_INGEST_HOST = '127.0.0.1';
export const DEFAULT_INGEST_PORT = 4781;

export interface IngestAddress {
  host: string;
  port: number;
  /** True when the port or host was chosen (flag or env): failing to bind it is then fatal, not a warning. */
  explicit: boolean;
}

/** True for addresses only this machine can reach. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h.startsWith('::ffff:127.');
}

/** The ingest address from command-line values first, then the environment; throws on a bad port. */
export function resolveIngestAddress(flags: { port?: string; host?: string }, env: Record<string, string | undefined>): IngestAddress {
  const portText = flags.port ?? env.KAYSE_INGEST_PORT;
  const port = portText === undefined ? DEFAULT_INGEST_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The ingest port (--ingest-port or KAYSE_INGEST_PORT) must be 0–65535, got "${portText}".`);
  }
  const host = (flags.host ?? env.KAYSE_INGEST_HOST ?? DEFAULT_INGEST_HOST).trim() || DEFAULT_INGEST_HOST;
  return { host, port, explicit: portText !== undefined || (flags.host ?? env.KAYSE_INGEST_HOST) !== undefined };
}

/** A sentence saying why listening failed and what to do. */
export function explainListenError(error: unknown, address: { host: string; port: number }): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return `Port ${address.port} on ${address.host} is already in use (another console?). Pick another with --ingest-port or KAYSE_INGEST_PORT (0 = any free port).`;
  }
  if (code === 'EADDRNOTAVAIL') return `${address.host} is not an address of this machine. Set --ingest-host or KAYSE_INGEST_HOST to one of its addresses.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${address.port}. Pick a port above 1023 with --ingest-port or KAYSE_INGEST_PORT.`;
  return `The ingest API could not listen on ${address.host}:${address.port}: ${error instanceof Error ? error.message : String(error)}`;
}
