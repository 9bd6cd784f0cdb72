// A secret credential (password, Client Secret, Key): never filled with the saved value. Once saved, it says so,
// and leaving it empty keeps the saved one.
import { Badge, PasswordInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface SecretFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  saved: boolean;
  description?: ReactNode;
  error?: string;
}

export function SecretField({ label, value, onChange, saved, description, error }: SecretFieldProps) {
  return (
    <PasswordInput
      // Inline (no flex box), so that Mantine's asterisk stays on the label's line.
      label={
        <>
          {label}
          {saved && (
            <Badge size="xs" color="green" variant="light" ml={6} leftSection={<IconLock size={10} />} data-testid="secret-saved">
              Saved
            </Badge>
          )}
        </>
      }
      aria-label={label}
      placeholder={saved ? 'saved' : undefined}
      description={saved ? 'Saved in the keychain: leave empty to keep it.' : description}
      withAsterisk={!saved}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autoComplete="new-password"
      spellCheck={false}
    />
  );
}
