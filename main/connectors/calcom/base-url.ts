// Where the console finds Cal.com: the cloud (api.cal.com), its EU region (api.cal.eu) or a firm's self-hosted
// instance. The user may paste the API root with or without `/v2` and a trailing slash; the client appends
// `/v2/...` itself. HTTPS only, except a host that can't leave this computer (a simulator on loopback).
import { isLoopbackHost } from '../crm/loopback';

export const CALCOM_CLOUD_BASE_URL = 'https://api.cal.com';
export const CALCOM_EU_BASE_URL = 'https://api.cal.eu';

export type BaseUrlResult = { ok: true; baseUrl: string } | { ok: false; message: string };

/** The API root without `/v2` (e.g. `https://api.cal.com`), or what is wrong with the address given. */
export function parseCalcomBaseUrl(input: string | undefined | null): BaseUrlResult {
  const text = (input ?? '').trim();
  if (text === '') return { ok: true, baseUrl: CALCOM_CLOUD_BASE_URL };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a web address: enter Cal.com's API address, e.g. ${CALCOM_CLOUD_BASE_URL} or ${CALCOM_EU_BASE_URL}.` };
  }
  if (url.username || url.password) return { ok: false, message: 'The Cal.com address must not hold a user name or password: the API key is entered on its own.' };
  if (url.search || url.hash) return { ok: false, message: `The Cal.com address must not hold a query or fragment ("${url.search}${url.hash}").` };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { ok: false, message: `The Cal.com address must start with https:// (plain http is accepted only for this computer, e.g. a simulator); "${text}" would send the API key unencrypted.` };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v2$/, '');
  return { ok: true, baseUrl: `${url.origin}${path}` };
}
