// The warning shown wherever the allowlist is on: webhooks may then reach internal addresses the URL rules refuse.
import { Alert, Code, Text } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { useContractQuery } from '../../api/client';

/** Nothing while the allowlist is off (the default). */
export function AllowlistWarning() {
  const allowlist = useContractQuery('webhooks.settings', undefined).data?.allowlist ?? [];
  if (allowlist.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconShieldExclamation size={20} />} title="Allowlist on: webhooks may reach internal addresses" data-testid="allowlist-warning">
      <Text size="sm">
        Deliveries to {allowlist.map((cidr, i) => (
          <span key={cidr}>
            {i > 0 && ', '}
            <Code>{cidr}</Code>
          </span>
        ))}{' '}
        are allowed although private, loopback and other internal addresses are normally refused. Keep it for your own
        internal receivers only, and clear it in Webhook settings when you no longer need it.
      </Text>
    </Alert>
  );
}
