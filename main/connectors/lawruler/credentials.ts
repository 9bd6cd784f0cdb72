// What a firm's IT enters to connect LawRuler, checked before any request is made: the Client Root is one DNS label
// (the firm's subdomain of lawruler.com), and an "Advanced: API base URL" override is HTTPS unless it points at this
// machine (a simulator), so the Key and the password never travel in clear to another host.
import { isLoopbackHost } from '../crm/loopback';

// Kept here too for whoever checks a LawRuler address (the front door exports it from this file).
export { isLoopbackHost };

/** The five secrets LawRuler's Advanced API needs (external-apis.md); kept in the keychain only. */
export interface LawRulerCredentials {
  username: string;
  password: string;
  /** The firm's portal subdomain: `firm` for `https://firm.lawruler.com`. */
  clientRoot: string;
  clientSecret: string;
  /** The portal's API key, sent as the `Key` form field (never in a URL or a header). */
  key: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A pasted portal address (`https://firm.lawruler.com/...`, `firm.lawruler.com`): the label is what counts. */
const PORTAL_ADDRESS = /^(?:https?:\/\/)?([^/?#.]+)\.lawruler\.com\.?(?::\d+)?(?:[/?#].*)?$/i;

/** The Client Root as LawRuler's host name uses it (one lower-case label), or what is wrong with the input. */
export function parseClientRoot(input: string): Checked<string> {
  const trimmed = input.trim();
  const value = (PORTAL_ADDRESS.exec(trimmed)?.[1] ?? trimmed).toLowerCase();
  if (!LABEL.test(value)) {
    return {
      ok: false,
      message: `"${input}" is not a Client Root: enter the firm's LawRuler subdomain, the part before .lawruler.com (letters, digits and hyphens, e.g. "smithlaw" for https://smithlaw.lawruler.com).`,
    };
  }
  return { ok: true, value };
}

/**
 * The "Advanced: API base URL" override, without a trailing slash: it replaces `https://{clientRoot}.lawruler.com`
 * (simulators, a firm's proxy). HTTPS only, except on loopback; no credentials, query or fragment in it.
 */
export function parseLawRulerBaseUrl(input: string): Checked<string> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: `"${input}" is not a URL: enter an address such as https://smithlaw.lawruler.com.` };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, message: `The API base URL must start with https:// (plain http:// is allowed only for this machine, e.g. a simulator on 127.0.0.1); "${input}" would send the Key unencrypted.` };
  }
  if (url.username || url.password) return { ok: false, message: 'The API base URL must not carry a user name or password; enter them in their own fields.' };
  if (url.search || url.hash) return { ok: false, message: 'The API base URL must not have a query (?…) or fragment (#…).' };
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** Where the portal's APIs live: the override when given, else the firm's LawRuler host. */
export function portalBase(clientRoot: string, baseUrl?: string): string {
  return baseUrl ?? `https://${clientRoot}.lawruler.com`;
}
