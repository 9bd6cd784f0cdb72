// A request or response body as a collapsible, searchable JSON tree, with a Raw view of the exact text (what was
// sent, byte for byte) and a Copy button. Text that isn't JSON shows raw only.
import { ActionIcon, Box, Button, Code, CopyButton, Group, SegmentedControl, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconChevronRight, IconCopy, IconSearch } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { childPath, containerPaths, entriesOf, isContainer, preview, primitiveText, ROOT_PATH, searchJson, splitMatches, type JsonSearch } from './json-tree-model';
import classes from './json-tree.module.css';

/** Nodes this deep or deeper start collapsed. */
const OPEN_DEPTH = 2;

const parse = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

function Highlight({ text, query }: { text: string; query: string }) {
  const parts = splitMatches(text, query);
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

interface NodeProps {
  name: string | number | null;
  value: unknown;
  path: string;
  depth: number;
  query: string;
  search: JsonSearch;
  isOpen: (path: string, depth: number) => boolean;
  toggle: (path: string, open: boolean) => void;
}

const typeClass = (value: unknown) =>
  typeof value === 'string' ? classes.string : typeof value === 'number' ? classes.number : typeof value === 'boolean' ? classes.boolean : classes.null;

function JsonNode({ name, value, path, depth, query, search, isOpen, toggle }: NodeProps) {
  const label: ReactNode =
    name === null ? null : (
      <span className={classes.key}>
        {typeof name === 'number' ? name : <Highlight text={JSON.stringify(name)} query={query} />}
        {': '}
      </span>
    );
  const indent = { paddingLeft: depth * 16 };
  if (!isContainer(value)) {
    return (
      <div className={classes.line} style={indent} data-path={path}>
        <span className={classes.spacer} />
        {label}
        <span className={typeClass(value)}>
          <Highlight text={primitiveText(value)} query={query} />
        </span>
      </div>
    );
  }
  const open = isOpen(path, depth);
  const entries = entriesOf(value);
  return (
    <>
      <UnstyledButton className={classes.line} style={indent} onClick={() => toggle(path, !open)} aria-expanded={open} data-path={path}>
        {open ? <IconChevronDown size={12} className={classes.caret} /> : <IconChevronRight size={12} className={classes.caret} />}
        {label}
        <span className={classes.punct}>{open ? (Array.isArray(value) ? '[' : '{') : preview(value)}</span>
      </UnstyledButton>
      {open &&
        entries.map(([key, child]) => (
          <JsonNode key={String(key)} name={key} value={child} path={childPath(path, key)} depth={depth + 1} query={query} search={search} isOpen={isOpen} toggle={toggle} />
        ))}
      {open && (
        <div className={classes.line} style={indent}>
          <span className={classes.spacer} />
          <span className={classes.punct}>{Array.isArray(value) ? ']' : '}'}</span>
        </div>
      )}
    </>
  );
}

interface JsonTreeProps {
  /** The exact text, e.g. the request body as sent. */
  text: string;
  /** What it is, for labels: "payload", "response body". */
  label: string;
}

/** The tree (or Raw) view of `text`; see the file header. */
export function JsonTree({ text, label }: JsonTreeProps) {
  const parsed = useMemo(() => parse(text), [text]);
  const [mode, setMode] = useState<'tree' | 'raw'>('tree');
  const [query, setQuery] = useState('');
  // Explicit choices win over the defaults: open to depth 2, and the way to every search match.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [baseline, setBaseline] = useState<'default' | 'open' | 'closed'>('default');
  const value = parsed.ok ? parsed.value : undefined;
  const search = useMemo(() => searchJson(value, query), [value, query]);
  const allPaths = useMemo(() => (parsed.ok ? containerPaths(value) : []), [parsed.ok, value]);

  const isOpen = (path: string, depth: number) =>
    toggled.get(path) ?? (search.open.has(path) || (baseline === 'open' ? true : baseline === 'closed' ? path === ROOT_PATH : depth < OPEN_DEPTH));
  const toggle = (path: string, open: boolean) => setToggled((t) => new Map(t).set(path, open));
  const setAll = (open: boolean) => {
    setToggled(new Map());
    setBaseline(open ? 'open' : 'closed');
  };
  const tree = parsed.ok && mode === 'tree';

  return (
    <Box data-testid={`json-view-${label.replace(/\s+/g, '-')}`}>
      <Group gap="xs" mb="xs" wrap="wrap">
        {parsed.ok ? (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(m) => setMode(m as 'tree' | 'raw')}
            data={[
              { value: 'tree', label: 'Tree' },
              { value: 'raw', label: 'Raw' },
            ]}
            aria-label={`How to show the ${label}`}
          />
        ) : (
          <Text size="xs" c="dimmed">
            Not JSON: shown as received.
          </Text>
        )}
        {tree && (
          <>
            <TextInput
              size="xs"
              placeholder={`Search the ${label}`}
              aria-label={`Search the ${label}`}
              leftSection={<IconSearch size={14} />}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              w={200}
            />
            {query.trim() && (
              <Text size="xs" c="dimmed" data-testid="json-search-count">
                {search.matched.size} {search.matched.size === 1 ? 'match' : 'matches'}
              </Text>
            )}
            <Button size="compact-xs" variant="subtle" onClick={() => setAll(true)} disabled={allPaths.length === 0}>
              Expand all
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => setAll(false)}>
              Collapse all
            </Button>
          </>
        )}
        <CopyButton value={text} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy the ${label} exactly as it was`} withArrow>
              <ActionIcon variant="default" size="sm" onClick={copy} aria-label={copied ? 'Copied' : `Copy the ${label}`} ml="auto">
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      {tree ? (
        <Box className={classes.tree} role="tree" aria-label={label}>
          <JsonNode name={null} value={value} path={ROOT_PATH} depth={0} query={query} search={search} isOpen={isOpen} toggle={toggle} />
        </Box>
      ) : (
        <Code block className={classes.raw} aria-label={`${label} (raw)`} data-testid="json-raw">
          {text}
        </Code>
      )}
    </Box>
  );
}
