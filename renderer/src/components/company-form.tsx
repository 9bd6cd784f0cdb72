// Edits the company name and timezone; the host validates, and its field errors show under the fields.
import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconWorld } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { Company, CompanyUpdate } from '../../../shared/domain/company';
import { useContractMutation } from '../api/client';
import { formErrors, type FormErrors } from '../field-issues';
import { useTimeZoneData } from '../hooks/use-time-zone-data';
import { localTimeZone, timeZoneFilter } from '../timezones';
import { FormErrorsAlert } from './form-errors-alert';
import { useDateFormat } from '../hooks/use-date-format';

const FIELDS = ['name', 'timezone'] as const;
type Field = (typeof FIELDS)[number];
const NO_ERRORS: FormErrors<Field> = { fields: {}, general: [] };

export function CompanyForm({ company }: { company: Company }) {
  const dates = useDateFormat();
  // Only what the user changed; untouched fields follow the host's current values.
  const [draft, setDraft] = useState<Partial<CompanyUpdate>>({});
  const [errors, setErrors] = useState(NO_ERRORS);
  const { mutate, isPending } = useContractMutation('company.update');

  const name = draft.name ?? company.name;
  const timezone = draft.timezone ?? company.timezone;
  const changed = name !== company.name || timezone !== company.timezone;
  const zones = useTimeZoneData(timezone);
  const here = localTimeZone();

  const edit = (field: Field, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  };

  const discard = () => {
    setDraft({});
    setErrors(NO_ERRORS);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changed || isPending) return;
    setErrors(NO_ERRORS);
    mutate(
      { name, timezone },
      {
        // Runs after the client refreshed company.get, so dropping the draft shows the saved values.
        onSuccess: (saved) => {
          setDraft({});
          notifications.show({
            color: 'green',
            icon: <IconCheck size={18} />,
            title: 'Company saved',
            message: `${saved.name} · ${saved.timezone}`,
          });
        },
        onError: (error) => setErrors(formErrors(error, FIELDS)),
      },
    );
  };

  return (
    <Paper withBorder p="lg" maw={640} component="form" onSubmit={submit} noValidate aria-label="Company profile">
      <Stack gap="md">
        <FormErrorsAlert title="Couldn't save the company" messages={errors.general} />
        <TextInput
          label="Company name"
          description="Your firm's name as it appears across the console."
          placeholder="e.g. Smith & Partners LLP"
          withAsterisk
          value={name}
          onChange={(e) => edit('name', e.currentTarget.value)}
          error={errors.fields.name}
        />
        <Stack gap={6}>
          <Select
            label="Timezone"
            description="Used for every appointment voice agents book, and for dates in reports."
            placeholder="Search a city or region, e.g. Chicago"
            withAsterisk
            searchable
            allowDeselect={false}
            nothingFoundMessage="No timezone matches"
            leftSection={<IconWorld size={16} />}
            maxDropdownHeight={320}
            // Mount the ~400 options only while open: faster, and the closed picker has a single labelled element.
            comboboxProps={{ keepMounted: false }}
            data={zones.data}
            onDropdownOpen={zones.ensureAll}
            filter={timeZoneFilter}
            value={timezone || null}
            onChange={(value) => value !== null && edit('timezone', value)}
            error={errors.fields.timezone}
          />
          {here && here !== timezone && (
            <Anchor component="button" type="button" size="xs" onClick={() => edit('timezone', here)} w="fit-content">
              Use this computer's timezone ({here})
            </Anchor>
          )}
        </Stack>
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {company.updatedAt ? `Last saved ${dates.shortZoned(company.updatedAt)}` : 'Not saved yet'}
          </Text>
          <Group gap="sm">
            {changed && (
              <Button variant="default" type="button" onClick={discard} disabled={isPending}>
                Discard changes
              </Button>
            )}
            <Button type="submit" disabled={!changed} loading={isPending}>
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
