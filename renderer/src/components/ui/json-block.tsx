// Formatted JSON in a code block with a Copy button.
import { ActionIcon, Box, Code, CopyButton, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** `value` as indented JSON; Copy puts the same text on the clipboard. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = JSON.stringify(value, null, 2);
  return (
    <Box pos="relative">
      <CopyButton value={text} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy ${label}`} withArrow position="left">
            <ActionIcon
              variant="default"
              onClick={copy}
              aria-label={copied ? 'Copied' : `Copy ${label}`}
              pos="absolute"
              top={8}
              right={8}
              style={{ zIndex: 1 }}
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      <Code block aria-label={label} data-testid="json-block" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', paddingRight: 48 }}>
        {text}
      </Code>
    </Box>
  );
}
