// Where a SmartAdvocate connector sends its requests. The user enters the host only (cloud or the firm's own
// server); the connector appends /CaseSyncAPI. Anything pasted after the host is stripped and reported, so the
// form can say what it removed. Plain http is refused except on this computer (a simulator): credentials and
// client data must not cross a network in clear text.
import { isLoopbackHost } from '../crm/loopback';

export const CASE_SYNC_PATH = '/CaseSyncAPI';

export type EndpointResult =
  /** `host`: scheme, host and port as entered; `apiBase`: where requests go; `stripped`: what was removed, if anything. */
  | { ok: true; host: string; apiBase: string; stripped: string | null }
  | { ok: false; message: string };

export type BaseUrlResult = { ok: true; apiBase: string } | { ok: false; message: string };

const EXAMPLE = 'https://app.smartadvocate.com';

/** Normalises what the user typed as "Endpoint URL" to the host only, and the API base under it. */
export function normaliseSmartAdvocateEndpoint(input: string): EndpointResult {
  const parsed = parseHttpUrl(input, 'the SmartAdvocate address');
  if (!parsed.ok) return parsed;
  const url = parsed.url;
  const host = `${url.protocol}//${url.host}`;
  const rest = `${url.pathname === '/' ? '' : url.pathname}${url.search}${url.hash}`;
  return { ok: true, host, apiBase: `${host}${CASE_SYNC_PATH}`, stripped: rest === '' ? null : rest };
}

/**
 * Normalises "Advanced: API base URL" (a simulator, or a self-hosted server whose API is not at /CaseSyncAPI):
 * used as given, path included; a query or fragment is refused rather than silently dropped.
 */
export function normaliseSmartAdvocateBaseUrl(input: string): BaseUrlResult {
  const parsed = parseHttpUrl(input, 'the API base URL');
  if (!parsed.ok) return parsed;
  const url = parsed.url;
  if (url.search !== '' || url.hash !== '') return { ok: false, message: `The API base URL ends at its path: remove "${url.search}${url.hash}".` };
  return { ok: true, apiBase: `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` };
}

function parseHttpUrl(input: string, what: string): { ok: true; url: URL } | { ok: false; message: string } {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Enter ${what}, such as ${EXAMPLE}.` };
  // A bare host ("app.smartadvocate.com") means HTTPS.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `"${text}" is not a web address; enter ${what} such as ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `${capital(what)} must start with https:// (not ${url.protocol}//).` };
  if (url.username !== '' || url.password !== '') return { ok: false, message: `Remove the user name and password from ${what}; enter them in their own fields.` };
  if (url.hostname === '') return { ok: false, message: `"${text}" has no host name; enter ${what} such as ${EXAMPLE}.` };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, message: `${capital(what)} must use https:// (http:// is accepted only for a simulator on this computer).` };
  }
  return { ok: true, url };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
