// The credentials of each CRM as external-apis.md names them: LawRuler's five, SmartAdvocate's address and user.
import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { CredentialField, CredentialsDraft } from './credentials-draft';
import { SecretField } from './secret-field';

export interface FieldsProps {
  draft: CredentialsDraft;
  onChange: (field: keyof CredentialsDraft, value: string) => void;
  errors: Partial<Record<CredentialField, string>>;
  /** Secret fields the keychain holds a value for. */
  saved: ReadonlySet<string>;
}

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

export function LawRulerFields({ draft, onChange, errors, saved }: FieldsProps) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Username"
          description="The LawRuler user the console signs in as."
          withAsterisk
          value={draft.username}
          onChange={(e) => onChange('username', e.currentTarget.value)}
          error={errors.username}
          autoComplete="off"
          spellCheck={false}
        />
        <SecretField label="Password" value={draft.password} onChange={(v) => onChange('password', v)} saved={saved.has('password')} error={errors.password} description="That user's password." />
      </SimpleGrid>
      <TextInput
        label="Client Root"
        description="Your firm's LawRuler subdomain: the part before .lawruler.com (for smithlaw.lawruler.com, enter smithlaw)."
        placeholder="smithlaw"
        withAsterisk
        value={draft.clientRoot}
        onChange={(e) => onChange('clientRoot', e.currentTarget.value)}
        error={errors.clientRoot}
        styles={mono}
        autoComplete="off"
        spellCheck={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <SecretField
          label="Client Secret"
          value={draft.clientSecret}
          onChange={(v) => onChange('clientSecret', v)}
          saved={saved.has('clientSecret')}
          error={errors.clientSecret}
          description="From LawRuler, with the API access."
        />
        <SecretField label="Key" value={draft.key} onChange={(v) => onChange('key', v)} saved={saved.has('key')} error={errors.key} description="The portal's API key." />
      </SimpleGrid>
    </Stack>
  );
}

export function SmartAdvocateFields({ draft, onChange, errors, saved }: FieldsProps) {
  return (
    <Stack gap="md">
      <TextInput
        label="Endpoint URL"
        description="The address of your SmartAdvocate server, host only (e.g. https://app.smartadvocate.com). A path you paste, such as /CaseSyncAPI, is removed: the console adds its own."
        placeholder="https://sa.smithlaw.com"
        withAsterisk
        value={draft.endpointUrl}
        onChange={(e) => onChange('endpointUrl', e.currentTarget.value)}
        error={errors.endpointUrl}
        styles={mono}
        autoComplete="off"
        spellCheck={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Username"
          description="The SmartAdvocate user the console signs in as."
          withAsterisk
          value={draft.username}
          onChange={(e) => onChange('username', e.currentTarget.value)}
          error={errors.username}
          autoComplete="off"
          spellCheck={false}
        />
        <SecretField label="Password" value={draft.password} onChange={(v) => onChange('password', v)} saved={saved.has('password')} error={errors.password} description="Case-sensitive." />
      </SimpleGrid>
    </Stack>
  );
}
