// The Sync settings form: direction, frequency (a daily time read in the company's timezone), the conflict rule with
// an example of what each does, the empty-value rule, selective sync and the CRM rate limit. Save sends only what
// changed and says what; a rate limit that can't be saved, or the core's refusal of it, shows on that field.
import { Badge, Button, Card, Checkbox, Group, MultiSelect, Radio, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconArrowsExchange, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { RECORD_KINDS, SYNC_DIRECTIONS, CONFLICT_RULES, type SyncSettings } from '../../../../../shared/domain/sync-settings';
import type { CaseType } from '../../../../../shared/domain/workspace';
import { useContractMutation } from '../../../api/client';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { formErrors } from '../../../field-issues';
import { RecordTime } from '../../../components/ui/record-time';
import { SavedNote, type SavedSummary } from '../mappings/saved-note';
import { RateLimitField } from './rate-limit-field';
import { changesOf, directionWords, draftOf, FREQUENCY_WORDS, KIND_WORDS, rateLimitProblem, ruleWords, updateOf, type SettingsDraft } from './settings-draft';

const RATE_FIELDS = ['rateLimit.requestsPerSecond', 'rateLimit'] as const;

/** The one scenario every rule is shown against, and how each rule ends it. */
function conflictExample(crm: string) {
  return {
    scenario: `Example: the phone is changed to 555-0101 in Kayse at 9:05 and to 555-0199 in ${crm} at 9:10.`,
    outcome: { kayse_wins: 'Both end with 555-0101.', crm_wins: 'Both end with 555-0199.', most_recent: 'Both end with 555-0199, the later change.' } satisfies Record<SettingsDraft['rule'], string>,
  };
}

interface FormProps {
  settings: SyncSettings;
  crmName: string;
  timezone: string;
  caseTypes: CaseType[];
  onDirtyChange: (dirty: boolean) => void;
}

export function SyncSettingsForm({ settings, crmName, timezone, caseTypes, onDirtyChange }: FormProps) {
  const saved = draftOf(settings);
  const [edits, setEdits] = useState<Partial<SettingsDraft>>({});
  const [problem, setProblem] = useState<string[]>([]);
  const [savedNote, setSavedNote] = useState<SavedSummary | null>(null);
  /** The core's refusal of the rate limit, shown on its field until the next edit. */
  const [rateRefused, setRateRefused] = useState<string | null>(null);
  /** A save was tried: an empty rate limit is then an error too, not just a field still to fill. */
  const [tried, setTried] = useState(false);
  const save = useContractMutation('sync.updateSettings');
  const d: SettingsDraft = { ...saved, ...edits };
  const names = {
    crm: crmName,
    timezone,
    caseType: (id: string) => caseTypes.find((t) => t.id === id)?.name ?? id,
    status: (id: string) => caseTypes.flatMap((t) => t.statuses.map((s) => ({ ...s, type: t.name }))).find((s) => s.id === id)?.name ?? id,
  };
  const changes = changesOf(saved, d, names);
  const dirty = changes.length > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const edit = (change: Partial<SettingsDraft>) => {
    setEdits((e) => ({ ...e, ...change }));
    setProblem([]);
    setSavedNote(null);
    setRateRefused(null);
    setTried(false);
  };
  const discard = () => {
    setEdits({});
    setProblem([]);
    setRateRefused(null);
    setTried(false);
  };
  const rateProblem = rateLimitProblem(d);
  const rateError = rateRefused ?? (rateProblem && (tried || String(d.requestsPerSecond).trim() !== '') ? rateProblem : null);
  const submit = () => {
    const result = updateOf(settings.crm, saved, d);
    setTried(true);
    // The rate limit's problem is said on its field; the others above the form.
    if ('problem' in result) return setProblem(result.problem === rateProblem ? [] : [result.problem]);
    save.mutate(result.update, {
      onSuccess: () => {
        setEdits({});
        setSavedNote({ title: `${crmName} sync settings saved`, changes });
      },
      onError: (error) => {
        const errors = formErrors(error, RATE_FIELDS);
        setRateRefused(errors.fields['rateLimit.requestsPerSecond'] ?? errors.fields.rateLimit ?? null);
        setProblem(errors.general);
      },
    });
  };
  const statusGroups = caseTypes
    .filter((t) => d.caseTypeIds.length === 0 || d.caseTypeIds.includes(t.id))
    .map((t) => ({ group: t.name, items: t.statuses.map((s) => ({ value: s.id, label: s.name })) }));
  const examples = conflictExample(crmName);

  return (
    <Card data-testid="sync-settings-form">
      <Group gap="xs" mb={4}>
        <IconArrowsExchange size={20} aria-hidden />
        <Title order={3} size="h4">
          How {crmName} syncs
        </Title>
        {dirty && (
          <Badge color="yellow" variant="light">
            Unsaved changes
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {settings.updatedAt ? (
          <>
            Saved <RecordTime iso={settings.updatedAt} />. Changes apply from the next sync; nothing is synced again because of them.
          </>
        ) : (
          'The defaults: nothing has been changed yet.'
        )}
      </Text>
      <Stack gap="lg">
        <FormErrorsAlert title="Couldn't save the sync settings" messages={problem} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Radio.Group label="Direction" value={d.direction} onChange={(v) => edit({ direction: v as SettingsDraft['direction'] })}>
            <Stack gap="xs" mt="xs">
              {SYNC_DIRECTIONS.map((v) => (
                <Radio key={v} value={v} label={directionWords(crmName)[v]} />
              ))}
            </Stack>
          </Radio.Group>
          <Stack gap="xs">
            <Radio.Group label="Frequency" value={d.frequency} onChange={(v) => edit({ frequency: v as SettingsDraft['frequency'] })}>
              <Stack gap="xs" mt="xs">
                <Radio value="real_time" label={FREQUENCY_WORDS.real_time} description={`A change is pushed within seconds; ${crmName} is read through its webhook or every minute.`} />
                <Radio value="hourly" label={FREQUENCY_WORDS.hourly} />
                <Radio value="daily" label={FREQUENCY_WORDS.daily} />
              </Stack>
            </Radio.Group>
            {d.frequency === 'daily' && (
              <TextInput type="time" label="Daily at" description={`In the company's timezone: ${timezone} (Settings → Company)`} value={d.dailyAt} onChange={(e) => edit({ dailyAt: e.currentTarget.value })} w={260} />
            )}
          </Stack>
          <Radio.Group label="When both sides changed the same field since the last sync" description={examples.scenario} value={d.rule} onChange={(v) => edit({ rule: v as SettingsDraft['rule'] })}>
            <Stack gap="xs" mt="xs">
              {CONFLICT_RULES.map((v) => (
                <Radio key={v} value={v} label={ruleWords(crmName)[v]} description={examples.outcome[v]} />
              ))}
            </Stack>
          </Radio.Group>
          <Switch
            label="An empty value clears a filled one"
            description={`Off (recommended): an email deleted in ${crmName} leaves Kayse's email as it is, and the other way round. On: the empty value wins like any other.`}
            checked={d.emptyOverwritesFilled}
            onChange={(e) => edit({ emptyOverwritesFilled: e.currentTarget.checked })}
          />
        </SimpleGrid>
        <Stack gap="sm" role="group" aria-label="Selective sync">
          <Title order={4} size="h5">
            Selective sync
          </Title>
          <Checkbox.Group label="Record kinds" description="Untick what should not sync." value={d.recordKinds} onChange={(v) => edit({ recordKinds: v as SettingsDraft['recordKinds'] })}>
            <Group gap="lg" mt="xs">
              {RECORD_KINDS.map((k) => (
                <Checkbox key={k} value={k} label={KIND_WORDS[k]} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <MultiSelect
              label="Case types"
              description="Kayse case types whose cases sync; none chosen syncs all."
              placeholder={d.caseTypeIds.length === 0 ? 'All case types' : undefined}
              data={caseTypes.map((t) => ({ value: t.id, label: t.name }))}
              value={d.caseTypeIds}
              onChange={(v) => edit({ caseTypeIds: v, statusIds: d.statusIds.filter((s) => caseTypes.some((t) => v.length === 0 || (v.includes(t.id) && t.statuses.some((x) => x.id === s)))) })}
              searchable
              clearable
            />
            <MultiSelect
              label="Statuses"
              description="Cases in these statuses sync; none chosen syncs all."
              placeholder={d.statusIds.length === 0 ? 'All statuses' : undefined}
              data={statusGroups}
              value={d.statusIds}
              onChange={(v) => edit({ statusIds: v })}
              searchable
              clearable
            />
          </SimpleGrid>
        </Stack>
        <RateLimitField crmName={crmName} known={d.rateLimitKnown} value={d.requestsPerSecond} error={rateError} onChange={edit} />
        <SavedNote saved={savedNote} testId="sync-settings-saved" onClose={() => setSavedNote(null)} />
        <Group gap="sm">
          <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!dirty} loading={save.isPending} onClick={submit}>
            Save sync settings
          </Button>
          <Button variant="default" disabled={!dirty || save.isPending} onClick={discard}>
            Discard changes
          </Button>
          {dirty && (
            <Text size="xs" c="dimmed" data-testid="sync-settings-pending">
              To save: {changes.join('; ')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
