import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/** Sortable unique ids (ULID), optionally with a type prefix such as "evt_". */
export const newId = (prefix = ''): string => `${prefix}${next()}`;
