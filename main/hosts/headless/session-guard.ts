// Who may talk to the headless host: the right Host header (no DNS rebinding), no foreign Origin (no CSRF),
// and the per-run token — from the printed URL once, then from an HttpOnly SameSite cookie.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'kayse_session';

export interface SessionGuardOptions {
  token: string;
  /** Host names (without port) that requests may be addressed to. */
  allowedHostnames: readonly string[];
  port: () => number;
}

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function createSessionGuard({ token, allowedHostnames, port }: SessionGuardOptions) {
  const allowedHosts = () => new Set(allowedHostnames.map((h) => `${h.includes(':') ? `[${h}]` : h}:${port()}`));

  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const host = request.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      return refuse(reply, 403, 'FORBIDDEN', `Requests must be addressed to this console's own address, not "${host}".`);
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      return refuse(reply, 403, 'FORBIDDEN', `Cross-origin requests are refused (Origin ${origin}).`);
    }
    const url = new URL(request.url, `http://${host}`);
    const fromQuery = url.searchParams.get('token');
    if (request.method === 'GET' && fromQuery !== null && sameToken(fromQuery, token)) {
      // Trade the URL token for a cookie and drop it from the address bar and history.
      url.searchParams.delete('token');
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect(sameOriginPath(url), 303);
    }
    // Either credential may be left over from an earlier run (a stale cookie beside a fresh bearer token):
    // one valid credential lets the request through, and an invalid one never masks it.
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const presented = [request.cookies[SESSION_COOKIE], bearer].filter((t): t is string => t !== undefined);
    if (!presented.some((t) => sameToken(t, token))) {
      return refuse(
        reply,
        401,
        'UNAUTHORIZED',
        'This console needs its session token: open the URL the console printed when it started (it ends in ?token=…).',
      );
    }
  };
}

/**
 * The path (and query) to land on after the token trade, as a location that can only resolve to this origin.
 * `/.//evil.com/` parses to the path `//evil.com/`, which a browser reads as another host (so does `/\evil.com`
 * and other leading-slash runs): leading slashes and backslashes collapse to one, and anything that would still
 * leave the origin falls back to `/`.
 */
function sameOriginPath(url: URL): string {
  const location = `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
  return new URL(location, url.origin).origin === url.origin ? location : '/';
}

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json').send({ ok: false, error: { code, message } });
}
