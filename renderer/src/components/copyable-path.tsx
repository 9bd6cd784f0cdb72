// A file-system path in monospace with a copy button, for support conversations.
import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export function CopyablePath({ path, label, testId }: { path: string; label: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Code data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {path}
      </Code>
      <CopyButton value={path} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={`Copy ${label.toLowerCase()}`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
