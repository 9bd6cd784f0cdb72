// The catalog per case type, compact: how many fields and statuses each has, and their names when opened.
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import type { CrmCatalogView } from '../../../../shared/domain/crm';

const NAMES_SHOWN = 60;

const applies = (caseTypeIds: string[] | null, id: string) => caseTypeIds === null || caseTypeIds.includes(id);

function Names({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No {label.toLowerCase()} for this case type.
      </Text>
    );
  }
  const more = names.length - NAMES_SHOWN;
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span fw={600}>
        {label}:{' '}
      </Text>
      {names.slice(0, NAMES_SHOWN).join(', ')}
      {more > 0 && <Text span c="dimmed">{` and ${more.toLocaleString('en-US')} more`}</Text>}
    </Text>
  );
}

export function CatalogCaseTypes({ catalog }: { catalog: CrmCatalogView }) {
  return (
    <Accordion variant="separated" chevronPosition="left" multiple data-testid="catalog-case-types">
      {catalog.caseTypes.map((caseType) => {
        const fields = catalog.fields.filter((f) => applies(f.caseTypeIds, caseType.id));
        const statuses = catalog.statuses.filter((s) => s.caseTypeId === null || s.caseTypeId === caseType.id);
        return (
          <Accordion.Item key={caseType.id} value={caseType.id} data-testid="catalog-case-type">
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm" fw={500} truncate>
                  {caseType.name}
                </Text>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Badge size="sm" color="gray">{`${fields.length} fields`}</Badge>
                  <Badge size="sm" color="gray">{`${statuses.length} statuses`}</Badge>
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  Case type id{' '}
                  <Text span ff="monospace" size="xs">
                    {caseType.id}
                  </Text>
                </Text>
                <Names label="Fields" names={fields.map((f) => (f.shortName ? `${f.name} (${f.shortName})` : f.name))} />
                <Names label="Statuses" names={statuses.map((s) => s.name)} />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
