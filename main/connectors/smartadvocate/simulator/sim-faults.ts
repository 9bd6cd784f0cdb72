// How the simulator's `malformed` fault bends an answer. The faults themselves are the shared server's
// (../../crm/simulator/sim-server.ts): sim-dispatch.ts plays each on the requests it concerns.

/** A body in a shape SmartAdvocate never answers: its first property renamed (an API that changed), deep first. */
export function malform(body: unknown): unknown {
  if (Array.isArray(body)) return body.length > 0 ? [malform(body[0]), ...body.slice(1)] : { message: 'An object where a list was expected' };
  if (body !== null && typeof body === 'object') {
    const entries = Object.entries(body);
    const [key, value] = entries[0] ?? ['(none)', null];
    return Object.fromEntries([[`${key}Renamed`, value], ...entries.slice(1)]);
  }
  return { unexpected: body ?? null };
}
