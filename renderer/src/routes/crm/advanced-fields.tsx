// "Advanced": the API base URL override (simulators, self-hosted servers) and, for a self-hosted SmartAdvocate
// whose certificate only the firm's own CA signs, that CA's certificate (PEM, pasted or from a file).
import { Badge, Button, Collapse, FileInput, Group, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core';
import { IconCertificate, IconChevronDown, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { looksLikePem, type CaChange } from './credentials-draft';

interface AdvancedFieldsProps {
  apiBaseUrl: string;
  onApiBaseUrl: (value: string) => void;
  apiBaseUrlError?: string;
  /** SmartAdvocate only: the CA change, and what is saved ("1 certificate") or null; undefined hides the CA field. */
  ca?: { change: CaChange; onChange: (change: CaChange) => void; saved: string | null; error?: string };
  /** Starts open (something is set there, or the last save was refused there). */
  initiallyOpen: boolean;
}

const PEM_PLACEHOLDER = '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----';

function CaField({ change, onChange, saved, error }: NonNullable<AdvancedFieldsProps['ca']>) {
  const [problem, setProblem] = useState<string | null>(null);
  const pasted = change.kind === 'set' ? change.pem : '';
  const readFile = async (file: File | null) => {
    setProblem(null);
    if (!file) return onChange({ kind: 'keep' });
    const text = await file.text().catch(() => '');
    if (!looksLikePem(text)) return setProblem(`${file.name} holds no PEM certificate (-----BEGIN CERTIFICATE----- …). Export the CA certificate as PEM (Base-64) and choose it again.`);
    onChange({ kind: 'set', pem: text, from: file.name });
  };
  const localIssue = change.kind === 'set' && change.pem.trim() !== '' && !looksLikePem(change.pem) ? 'This is not a PEM certificate: it must start with -----BEGIN CERTIFICATE-----.' : undefined;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <IconCertificate size={16} aria-hidden />
        <Text size="sm" fw={500}>
          Firm's CA certificate
        </Text>
        {saved !== null && change.kind === 'keep' && (
          <Badge size="xs" color="green" data-testid="ca-saved">
            {`Saved: ${saved}`}
          </Badge>
        )}
        {change.kind === 'remove' && (
          <Badge size="xs" color="orange">
            Removed when you save
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Only for a self-hosted SmartAdvocate whose certificate your firm's own CA signs (or an HTTPS-inspecting firewall). Paste
        the CA certificate in PEM form, or choose its file.
      </Text>
      <Textarea
        aria-label="Firm's CA certificate (PEM)"
        placeholder={saved !== null && change.kind === 'keep' ? 'A certificate is saved. Paste another to replace it.' : PEM_PLACEHOLDER}
        autosize
        minRows={3}
        maxRows={8}
        value={pasted}
        onChange={(e) => {
          const pem = e.currentTarget.value;
          onChange(pem === '' ? { kind: 'keep' } : { kind: 'set', pem, from: 'pasted' });
        }}
        error={error ?? localIssue}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        spellCheck={false}
      />
      <Group gap="sm" align="flex-start">
        <FileInput
          aria-label="CA certificate file"
          placeholder="Choose a .pem or .crt file"
          accept=".pem,.crt,.cer,application/x-pem-file"
          clearable
          onChange={(file) => void readFile(file)}
          error={problem}
          style={{ flex: 1, minWidth: 0 }}
        />
        {saved !== null && change.kind !== 'remove' && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => onChange({ kind: 'remove' })}>
            Remove saved certificate
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function AdvancedFields({ apiBaseUrl, onApiBaseUrl, apiBaseUrlError, ca, initiallyOpen }: AdvancedFieldsProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const panelId = useId();
  const showOpen = open || apiBaseUrlError !== undefined || ca?.error !== undefined;
  return (
    <Stack gap="xs">
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={showOpen} aria-controls={panelId} w="fit-content">
        <Group gap={4} c="dimmed">
          {showOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          <Text size="sm" fw={500}>
            Advanced
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={showOpen} id={panelId}>
        <Stack gap="md" pl="md" pt={4}>
          <TextInput
            label="API base URL"
            description="Leave empty to use the CRM's own address. For a simulator or a server of your own: HTTPS, or http on this machine only (localhost)."
            placeholder="https://api.example.com"
            value={apiBaseUrl}
            onChange={(e) => onApiBaseUrl(e.currentTarget.value)}
            error={apiBaseUrlError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autoComplete="off"
            spellCheck={false}
          />
          {ca && <CaField {...ca} />}
        </Stack>
      </Collapse>
    </Stack>
  );
}
