// A secret credential (password, Client Secret, Key): never filled with the saved value. Once saved, it says so,
// and leaving it empty keeps the saved one.
import { Badge, Group, PasswordInput } from '@mantine/core';
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
      label={
        <Group gap={6} component="span" wrap="nowrap">
          {label}
          {saved && (
            <Badge size="xs" color="green" variant="light" leftSection={<IconLock size={10} />} data-testid="secret-saved">
              Saved
            </Badge>
          )}
        </Group>
      }
      aria-label={label}
      placeholder={saved ? 'saved (leave empty to keep it)' : undefined}
      description={description}
      withAsterisk={!saved}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autoComplete="new-password"
      spellCheck={false}
    />
  );
}
