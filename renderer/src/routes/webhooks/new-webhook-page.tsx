// Settings → Integrations → Webhooks → New (or New from a campaign's Workflows tab, scoped to that campaign).
import { Card, Stack } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { useContractQuery } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { PageHeader } from '../../components/page-header';
import { campaignPath } from '../campaigns/campaign-paths';
import { AllowlistWarning } from './allowlist-warning';
import { WebhookForm } from './webhook-form';
import { webhookPath } from './webhook-paths';
import { useWebhookBackTarget } from './webhook-back-target';
import { SecretsUnavailableAlert } from '../../components/secrets-status';

export function NewWebhookPage() {
  const navigate = useNavigate();
  const campaignId = useSearchParams()[0].get('campaignId');
  const campaign = useContractQuery('campaigns.list', undefined).data?.find((c) => c.id === campaignId);
  const fallback = useWebhookBackTarget();
  const back = campaignId ? { to: campaignPath(campaignId, 'workflows'), label: 'Back to the campaign' } : fallback;
  return (
    <>
      <PageHeader
        title={campaignId ? `New webhook for ${campaign?.name ?? 'this campaign'}` : 'New webhook'}
        above={<BackLink to={back.to}>{back.label}</BackLink>}
        description={
          campaignId
            ? 'A campaign-scoped webhook sends only this campaign’s call events (calls, transcripts, transfers).'
            : 'Choose where events go and which ones. Each delivery is signed, retried for up to 24 hours, and logged.'
        }
      />
      <Stack gap="lg">
        <SecretsUnavailableAlert />
        <AllowlistWarning />
        <Card>
          <WebhookForm
            webhook={null}
            fixedCampaignId={campaignId}
            onCancel={() => void navigate(back.to)}
            onSaved={(saved, test) => {
              // Said on the webhook's page itself, in the flow: a toast covered the signing secret card needed next.
              void navigate(webhookPath(saved.id), { replace: true, state: { back: back.to, test, created: true } });
            }}
          />
        </Card>
      </Stack>
    </>
  );
}
