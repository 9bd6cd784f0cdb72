// A case's CRM links on its detail screen: each CRM it is linked with, the CRM's record id, when it last synced
// and the record's sync error if it has one (a CRM that refused it before any link: not linked yet, and why),
// linked to the CRM's Monitoring tab. Changes the CRM made show in the
// History with the CRM as their origin.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CONNECTOR_NAMES } from '../../../../shared/domain/connectors';
import { useContractQuery } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { RecordTime } from '../../components/ui/record-time';
import { crmPath } from '../crm/crm-paths';

export function CaseCrmLinks({ caseId }: { caseId: string }) {
  const links = useContractQuery('sync.linksOfCase', { caseId });
  return (
    <Card data-testid="case-crm-links">
      <Title order={3} size="h4" mb="sm">
        CRM links
      </Title>
      <QueryState
        query={links}
        errorTitle="Couldn't load the case's CRM links"
        loading={<Text size="sm" c="dimmed">Loading…</Text>}
        isEmpty={(l) => l.links.length === 0}
        empty={
          <Text size="sm" c="dimmed" data-testid="case-crm-links-none">
            Not linked with a CRM record.
          </Text>
        }
      >
        {(l) => (
          <Stack gap="sm">
            {l.links.map((link) => (
              <Stack key={link.crm} gap={2} data-testid="case-crm-link" data-crm={link.crm}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`${crmPath(link.crm)}?tab=monitoring`} size="sm" fw={600}>
                    {CONNECTOR_NAMES[link.crm]}
                  </Anchor>
                  {link.crmRecordId ? (
                    <Text size="sm" ff="monospace" data-testid="case-crm-record-id">
                      {link.crmRecordId}
                    </Text>
                  ) : (
                    <Badge color="gray" variant="light" size="sm" data-testid="case-crm-not-linked">
                      Not linked yet
                    </Badge>
                  )}
                  {link.error && (
                    <Badge color="red" variant="light" size="sm">
                      Sync error
                    </Badge>
                  )}
                </Group>
                {link.crmRecordId && (
                  <Text size="xs" c="dimmed">
                    {link.lastSyncedAt ? (
                      <>
                        Last synced <RecordTime iso={link.lastSyncedAt} size="xs" />
                      </>
                    ) : (
                      'Not synced yet'
                    )}
                  </Text>
                )}
                {link.error && (
                  <Text size="xs" c="red" data-testid="case-crm-link-error">
                    {link.error.message}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
