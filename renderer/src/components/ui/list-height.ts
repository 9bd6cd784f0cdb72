// How tall a record table is: the window below the page title and filters, but never cramped.

/** CSS height of a record list's scroll area. */
export const LIST_HEIGHT = 'max(320px, calc(100dvh - 340px))';
