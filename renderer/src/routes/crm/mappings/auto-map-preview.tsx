// Auto-map's proposals, shown before anything changes: each pair with how it was found, accepted one by one or all
// at once into the table (still to be saved), or dismissed.
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconWand } from '@tabler/icons-react';
import type { z } from 'zod';
import type { fieldProposalSchema } from '../../../../../shared/domain/sync';
import { DIRECTION_WORDS } from './mapping-fields';

export type FieldProposal = z.infer<typeof fieldProposalSchema>;

const MATCHED_BY: Record<FieldProposal['matchedBy'], string> = { short_name: 'UDF short name', name: 'Name', standard: 'Record field' };

interface PreviewProps {
  proposals: FieldProposal[];
  crmName: string;
  onAccept: (proposals: FieldProposal[]) => void;
  onDismiss: () => void;
}

export function AutoMapPreview({ proposals, crmName, onAccept, onDismiss }: PreviewProps) {
  if (proposals.length === 0) {
    return (
      <Alert color="gray" icon={<IconWand size={18} />} title="Auto-map found nothing new" withCloseButton onClose={onDismiss} data-testid="auto-map-none">
        Every Kayse field whose name and type match a {crmName} field is already mapped. Map the others by hand.
      </Alert>
    );
  }
  return (
    <Alert color="blue" icon={<IconWand size={18} />} title={`Auto-map proposes ${proposals.length} mapping${proposals.length === 1 ? '' : 's'}`} data-testid="auto-map-preview">
      <Stack gap="sm">
        <Text size="sm">Nothing changes until you accept; accepted pairs join the table and are saved with it.</Text>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kayse field</Table.Th>
                <Table.Th>{crmName} field</Table.Th>
                <Table.Th>Found by</Table.Th>
                <Table.Th>Direction</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.map((p) => (
                <Table.Tr key={`${p.kayseField}-${p.crmFieldId}`} data-testid="auto-map-proposal">
                  <Table.Td>{p.kayseLabel}</Table.Td>
                  <Table.Td>
                    {p.crmFieldName}
                    {p.options && p.options.kayseUnmatched.length + p.options.crmUnmatched.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {p.options.matched.length} options matched, {p.options.kayseUnmatched.length + p.options.crmUnmatched.length} not
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="xs" variant="light">
                      {MATCHED_BY[p.matchedBy]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{DIRECTION_WORDS[p.direction]}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" onClick={() => onAccept([p])} aria-label={`Accept ${p.kayseLabel} → ${p.crmFieldName}`}>
                      Accept
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group gap="sm">
          <Button size="xs" leftSection={<IconCheck size={14} />} onClick={() => onAccept(proposals)}>
            Accept all
          </Button>
          <Button size="xs" variant="default" onClick={onDismiss}>
            Dismiss
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
