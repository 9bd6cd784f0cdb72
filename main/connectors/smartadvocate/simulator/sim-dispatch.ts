// One request to the simulator: find the route under /CaseSyncAPI (paths and query names ignore case, as
// ASP.NET's routing does), check the bearer token and the user's permissions, play the SmartAdvocate faults, run
// the route and write its answer as JSON.
import { dropAnswer, type SimExchange } from '../../crm/simulator/sim-server';
import type { RouteRequest, SimContext, SimReply, SimRoute } from './sim-context';
import { malform } from './sim-faults';
import { readRoutes } from './sim-routes-read';
import { setupRoutes } from './sim-routes-setup';
import { writeRoutes } from './sim-routes-write';

export const API_PREFIX = '/CaseSyncAPI';
const ROUTES: SimRoute[] = [...setupRoutes, ...readRoutes, ...writeRoutes];

export interface DispatchState {
  ctx: SimContext;
  /** Operations (route names) the signed-in user may not do: 403. */
  denied: Set<string>;
}

export function dispatch(state: DispatchState, exchange: SimExchange): void {
  const { ctx } = state;
  const path = exchange.url.pathname;
  if (!path.toLowerCase().startsWith(`${API_PREFIX.toLowerCase()}/`)) return send(exchange, { status: 404 });
  const below = path.slice(API_PREFIX.length).toLowerCase();
  const method = exchange.req.method ?? 'GET';
  let params: string[] = [];
  const route = ROUTES.find((r) => {
    const match = r.method === method ? r.pattern.exec(below) : null;
    if (match) params = match.slice(1);
    return match !== null;
  });
  if (!route) return send(exchange, { status: 404, body: { message: `No HTTP resource was found that matches the request URI '${path}'.` } });
  exchange.operation(route.operation);

  let body: unknown;
  if (exchange.body.trim() !== '') {
    try {
      body = JSON.parse(exchange.body);
    } catch {
      return send(exchange, { status: 400, body: { title: 'One or more validation errors occurred.', status: 400, errors: { $: ['The request body is not valid JSON.'] } } });
    }
  }

  let userID: number | null = null;
  if (route.auth) {
    const verdict = ctx.tokens.verify(exchange.req.headers.authorization);
    // As ASP.NET's JWT bearer handler answers: 401, no body, the reason in WWW-Authenticate.
    if ('refused' in verdict) return send(exchange, { status: 401, headers: { 'www-authenticate': `Bearer error="${verdict.refused}"` } });
    userID = verdict.userID;
    if (state.denied.has(route.operation)) return send(exchange, { status: 403, body: { message: `The user is not permitted to use ${route.operation}.` } });
  }
  const signingIn = route.operation === 'authenticate';
  if (!signingIn && exchange.play('error_in_200')) return send(exchange, { status: 200, body: { success: false, message: 'An error has occurred while processing the request.' } });
  if (route.fieldListing && exchange.play('catalog_fails')) return send(exchange, { status: 500, body: { message: 'An error has occurred.' } });

  const query = (name: string) => {
    for (const [key, value] of exchange.url.searchParams) if (key.toLowerCase() === name.toLowerCase()) return value;
    return null;
  };
  const request: RouteRequest = { body, query, params, userID };
  const reply = route.handle(ctx, request);
  const applied = reply.status >= 200 && reply.status < 300;
  if (route.write && applied && exchange.play('drop_write_answer')) return dropAnswer(exchange.res);
  if (!signingIn && applied && exchange.play('malformed')) return send(exchange, { ...reply, status: 200, body: malform(reply.body ?? null) });
  send(exchange, reply);
}

function send(exchange: SimExchange, reply: SimReply): void {
  const { res } = exchange;
  if (res.destroyed || res.headersSent) return;
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers ?? {}).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...reply.headers }).end(text);
}
