// A search field that reports what was typed once typing pauses, so a list isn't queried on every keystroke.
import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

const DEBOUNCE_MS = 300;

interface SearchBoxProps {
  label: string;
  placeholder: string;
  /** The search in effect (e.g. from the address bar). */
  value: string | undefined;
  onSearch: (value: string) => void;
}

/** Debounced search input; Escape or the clear button empties it at once. */
export function SearchBox({ label, placeholder, value = '', onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // Follow the search when it changes from outside (e.g. "Clear filters").
  if (value !== shown) {
    setShown(value);
    if (value !== text.trim()) setText(value);
  }
  const report = useDebouncedCallback((next: string) => onSearch(next.trim()), DEBOUNCE_MS);
  const change = (next: string) => {
    setText(next);
    report(next);
  };
  const clear = () => {
    setText('');
    report.cancel();
    onSearch('');
  };

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(event) => change(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && text !== '') clear();
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={clear} /> : null}
      miw={240}
      style={{ flex: '1 1 240px' }}
    />
  );
}
