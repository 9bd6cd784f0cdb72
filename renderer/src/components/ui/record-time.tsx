// A timestamp as the record screens show it — relative ("5 minutes ago") or short ("Nov 26, 9:02 PM CST") — in the
// company's timezone, with the full date and time on hover.
import { Text, Tooltip, type MantineSize } from '@mantine/core';
import { formatRelative } from './relative-time';
import { useNow } from '../../hooks/use-now';
import { useDateFormat } from '../../hooks/use-date-format';

interface RecordTimeProps {
  iso: string;
  size?: MantineSize;
  /** Relative to now (default), or a short absolute date and time with its zone. */
  mode?: 'relative' | 'short';
  /** Table cells use the browser's own tooltip: dozens of Mantine tooltips would slow scrolling down. */
  tooltip?: 'mantine' | 'native';
}

/** A <time> element with the full timestamp as its tooltip. */
export function RecordTime({ iso, size = 'sm', mode = 'relative', tooltip = 'mantine' }: RecordTimeProps) {
  const now = useNow();
  const dates = useDateFormat();
  const full = dates.full(iso);
  const text = (
    <Text component="time" dateTime={iso} size={size} span title={tooltip === 'native' ? full : undefined} style={{ whiteSpace: 'nowrap' }}>
      {mode === 'relative' ? formatRelative(iso, now) : dates.shortZoned(iso)}
    </Text>
  );
  return tooltip === 'native' ? (
    text
  ) : (
    <Tooltip label={full} openDelay={300}>
      {text}
    </Tooltip>
  );
}
