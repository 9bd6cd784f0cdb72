/** The Electron executable the electron package would run, or undefined when its binary is not installed. */
export function electronBinaryPath(): string | undefined;
