/** A path quoted for a POSIX shell, so a command the console prints can be pasted as is. */
export const shellQuote = (path: string): string => `'${path.replaceAll("'", `'\\''`)}'`;
