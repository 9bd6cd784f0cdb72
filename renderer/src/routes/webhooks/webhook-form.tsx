// The New/Edit webhook form: name, destination, events, campaign and case type filters, App Key and Active, checked
// as you type with the shared rules; Save, or Save and send a test. The host's refusals land on their fields.
import { Button, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { TestResult, WebhookView } from '../../../../shared/contract/webhooks';
import { useContractMutation } from '../../api/client';
import { FormErrorsAlert } from '../../components/form-errors-alert';
import { AppKeyField } from './app-key-field';
import { DestinationField } from './destination-field';
import { EventsPicker } from './events-picker';
import { CampaignFilterField, CaseTypesField } from './scope-fields';
import { campaignHint, draftIssues, draftOf, inputOf, newDraft, type AppKeyChange, type DraftField, type WebhookDraft } from './webhook-draft';
import { NO_SAVE_ERRORS, saveErrors, type SaveErrors } from './webhook-form-errors';

interface WebhookFormProps {
  /** The stored webhook on the edit page; null on the New form. */
  webhook: WebhookView | null;
  /** The New form's starting values. */
  initial?: WebhookDraft;
  /** A campaign-scoped webhook created from a campaign's page: its campaign filter can't change. */
  fixedCampaignId?: string | null;
  onSaved: (saved: WebhookView, test: TestResult | null) => void;
  /** The New form's Cancel. */
  onCancel?: () => void;
}

const KEEP: AppKeyChange = { kind: 'keep' };

export function WebhookForm({ webhook, initial, fixedCampaignId = null, onSaved, onCancel }: WebhookFormProps) {
  // Only what the user changed; the rest follows the stored webhook (which may change underneath, e.g. Activate).
  const [draft, setDraft] = useState<Partial<WebhookDraft>>({});
  const [appKey, setAppKey] = useState<AppKeyChange>(KEEP);
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [errors, setErrors] = useState<SaveErrors>(NO_SAVE_ERRORS);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const create = useContractMutation('webhooks.create');
  const update = useContractMutation('webhooks.update');
  const attachKey = useContractMutation('webhooks.setAppKey');
  const detachKey = useContractMutation('webhooks.clearAppKey');
  const sendTest = useContractMutation('webhooks.sendTest');

  const base = webhook ? draftOf(webhook) : (initial ?? newDraft(fixedCampaignId));
  const values: WebhookDraft = { ...base, ...draft, ...(fixedCampaignId ? { campaignId: fixedCampaignId } : {}) };
  const configChanged = webhook === null || Object.keys(draft).length > 0;
  const changed = configChanged || appKey.kind !== 'keep';
  const local = draftIssues(values, appKey);
  const hint = campaignHint(values);

  const touch = (...fields: DraftField[]) => {
    setTouched((t) => new Set([...t, ...fields]));
    setErrors((e) => ({ ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([f]) => !fields.includes(f as DraftField))) }));
  };
  const edit = (change: Partial<WebhookDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    touch(...(Object.keys(change) as (keyof WebhookDraft)[]).map((k) => (k === 'allEvents' ? 'events' : k)));
  };
  const fieldError = (field: DraftField) => errors.fields[field] ?? (submitted || touched.has(field) || field === 'campaignId' ? local[field] : undefined);

  const save = async (withTest: boolean) => {
    setSubmitted(true);
    if (Object.keys(local).length > 0) return;
    setErrors(NO_SAVE_ERRORS);
    setBusy(withTest ? 'test' : 'save');
    try {
      let saved: WebhookView;
      try {
        if (webhook === null) saved = await create.mutateAsync(inputOf(values));
        else saved = configChanged ? await update.mutateAsync({ id: webhook.id, webhook: inputOf(values) }) : webhook;
      } catch (error) {
        setErrors(saveErrors(error as Error));
        return;
      }
      try {
        if (appKey.kind === 'set') saved = await attachKey.mutateAsync({ id: saved.id, appKey: appKey.value });
        if (appKey.kind === 'remove' && saved.hasAppKey) saved = await detachKey.mutateAsync({ id: saved.id });
        setAppKey(KEEP);
      } catch (error) {
        const { fields, general } = saveErrors(error as Error);
        setErrors({ fields: { appKey: fields.appKey ?? general.join(' ') }, general: [] });
        // A new webhook exists by now: say so, and go on to its page where the App Key can be tried again.
        if (webhook !== null) return;
        notifications.show({ color: 'red', title: 'Webhook saved, but its App Key was not', message: (error as Error).message });
      }
      setDraft({});
      setTouched(new Set());
      setSubmitted(false);
      let test: TestResult | null = null;
      if (withTest) {
        try {
          test = await sendTest.mutateAsync({ id: saved.id });
        } catch (error) {
          setErrors({ fields: {}, general: [`Saved, but the test could not be sent: ${(error as Error).message}`] });
        }
      }
      onSaved(saved, test);
    } finally {
      setBusy(null);
    }
  };

  const discard = () => {
    setDraft({});
    setAppKey(KEEP);
    setTouched(new Set());
    setSubmitted(false);
    setErrors(NO_SAVE_ERRORS);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={webhook ? `Edit ${webhook.name}` : 'New webhook'}>
      <Stack gap="lg">
        <FormErrorsAlert title="Couldn't save the webhook" messages={errors.general} />
        <TextInput
          label="Name"
          description="How this webhook appears in lists and logs, e.g. the receiving system."
          placeholder="e.g. Intake CRM"
          withAsterisk
          data-autofocus
          value={values.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setDraft((d) => ({ ...d, name }));
          }}
          onBlur={() => touch('name')}
          error={fieldError('name')}
        />
        <DestinationField
          value={values.url}
          onChange={(url) => {
            setDraft((d) => ({ ...d, url }));
            setErrors((e) => ({ ...e, fields: { ...e.fields, url: undefined } }));
          }}
          onBlur={() => touch('url')}
          localIssue={local.url}
          serverError={errors.fields.url ?? (submitted && values.url.trim() === '' ? local.url : undefined)}
        />
        <EventsPicker
          allEvents={values.allEvents}
          events={values.events}
          onChange={(next) => edit(next)}
          callEventsOnly={fixedCampaignId !== null}
          error={fieldError('events')}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CampaignFilterField
            value={values.campaignId}
            onChange={(campaignId) => edit({ campaignId })}
            hint={hint}
            fixed={fixedCampaignId !== null}
            error={fieldError('campaignId')}
          />
          <CaseTypesField value={values.caseTypes} onChange={(caseTypes) => edit({ caseTypes })} error={fieldError('caseTypes')} />
        </SimpleGrid>
        <AppKeyField
          attached={webhook?.hasAppKey ?? false}
          change={appKey}
          onChange={(change) => {
            setAppKey(change);
            touch('appKey');
          }}
          error={fieldError('appKey')}
        />
        <Switch
          label="Active"
          description="Off: no events are sent to this webhook (test deliveries still are)."
          checked={values.active}
          onChange={(e) => edit({ active: e.currentTarget.checked })}
        />
        <Switch
          label="Receive demo data"
          description="Off: events the demo generator posts never reach this webhook. Turn on only for a receiver meant for testing."
          checked={values.receivesDemo}
          onChange={(e) => edit({ receivesDemo: e.currentTarget.checked })}
        />
        <Group justify="flex-end" gap="sm">
          {webhook === null && onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy !== null}>
              Cancel
            </Button>
          )}
          {webhook !== null && changed && (
            <Button variant="default" onClick={discard} disabled={busy !== null}>
              Discard changes
            </Button>
          )}
          <Button type="submit" loading={busy === 'save'} disabled={busy !== null || !changed}>
            Save
          </Button>
          <Button variant="light" leftSection={<IconSend size={16} />} loading={busy === 'test'} disabled={busy !== null} onClick={() => void save(true)}>
            Save and send a test
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
