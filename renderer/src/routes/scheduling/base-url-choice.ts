// Which Cal.com the key belongs to: the cloud (cal.com), its EU region (cal.eu) or a self-hosted instance, as the
// form's choice and the base URL the contract takes (left out for cal.com, the core's default).

export type CalcomRegion = 'cloud' | 'eu' | 'self_hosted';

export const CLOUD_BASE_URL = 'https://api.cal.com';
export const EU_BASE_URL = 'https://api.cal.eu';

export const REGION_LABELS: Record<CalcomRegion, string> = { cloud: 'cal.com', eu: 'cal.eu', self_hosted: 'Self-hosted' };

/** The region a saved base URL stands for (a trailing /v2 or slash makes no difference). */
export function regionOf(baseUrl: string | null | undefined): CalcomRegion {
  const root = (baseUrl ?? '').trim().replace(/\/+$/, '').replace(/\/v2$/, '');
  if (root === '' || root === CLOUD_BASE_URL) return 'cloud';
  if (root === EU_BASE_URL) return 'eu';
  return 'self_hosted';
}

/** The base URL to send: none for cal.com, the EU root, or the self-hosted address as typed (the core checks it). */
export function baseUrlFor(region: CalcomRegion, selfHosted: string): string | undefined {
  if (region === 'cloud') return undefined;
  if (region === 'eu') return EU_BASE_URL;
  return selfHosted.trim();
}

/** A local check before anything is sent: a self-hosted instance needs its address. */
export function baseUrlIssue(region: CalcomRegion, selfHosted: string): string | undefined {
  if (region !== 'self_hosted') return undefined;
  const text = selfHosted.trim();
  if (text === '') return 'Enter the address of your Cal.com instance’s API, e.g. https://cal.smithlaw.example/api';
  if (!/^https?:\/\//i.test(text)) return 'The address starts with https:// (e.g. https://cal.smithlaw.example/api)';
  return undefined;
}
