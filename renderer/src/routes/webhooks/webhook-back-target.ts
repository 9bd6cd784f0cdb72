// Where a webhook page's back link leads: the page that opened it (the Webhooks list, or a campaign's Workflows
// tab) when it said so in navigation state, else the Webhooks list.
import { useLocation } from 'react-router';
import { WEBHOOKS_PATH } from './webhook-paths';

const ALLOWED = [WEBHOOKS_PATH, '/campaigns/'];

/** The back target and its label. */
export function useWebhookBackTarget(): { to: string; label: string } {
  const state: unknown = useLocation().state;
  const back = typeof state === 'object' && state !== null && 'back' in state ? (state as { back: unknown }).back : undefined;
  if (typeof back === 'string' && back.startsWith('/campaigns/')) return { to: back, label: 'Back to the campaign' };
  if (typeof back === 'string' && ALLOWED.some((p) => back.startsWith(p))) return { to: back, label: 'Back to webhooks' };
  return { to: WEBHOOKS_PATH, label: 'Back to webhooks' };
}
