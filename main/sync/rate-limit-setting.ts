// The firm's CRM rate limit (Sync settings → "CRM rate limit") handed to the integration's limiter, at start and on
// every save. The stored setting wins over the host option (SyncOptions.rateLimits): it is what the CRM's vendor
// told the firm, while the host option is the host's own default (benches, a server's flags), which applies only to
// a CRM whose limit the firm left unknown. Neither set: the CRM's default, learnt from its 429s (engine/rate-limit.ts).
import { CRM_CONNECTOR_IDS, type CrmConnectorId } from '../../shared/domain/connectors';
import type { SyncSettings } from '../../shared/domain/sync-settings';
import type { RateLimits } from './engine/rate-limit';
import type { SyncSettingsService } from './sync-settings';

/** The limiter's setting from the firm's stored one and the host's option: the firm's first. */
export function limiterSetting(stored: SyncSettings['rateLimit'], hostRate: number | undefined): { ratePerSecond: number } | null {
  if (stored) return { ratePerSecond: stored.requestsPerSecond };
  return hostRate ? { ratePerSecond: hostRate } : null;
}

/** Configures every integration's limiter from its stored setting now and after each save; returns the way to stop. */
export function applyRateLimitSettings(settings: Pick<SyncSettingsService, 'get' | 'watch'>, rateLimits: Pick<RateLimits, 'limiterOf'>, hostRates: Partial<Record<CrmConnectorId, number>> = {}): () => void {
  const apply = (crm: CrmConnectorId, stored: SyncSettings['rateLimit']) => rateLimits.limiterOf(crm).configure(limiterSetting(stored, hostRates[crm]));
  for (const crm of CRM_CONNECTOR_IDS) apply(crm, settings.get(crm).rateLimit);
  return settings.watch((saved) => apply(saved.crm, saved.rateLimit));
}
