// "Copy as cURL" for a logged attempt: the same method, URL, headers and exact body, with the App Key replaced by a
// placeholder. Signatures stay as sent: they are not secrets (a receiver rejects them after 5 minutes anyway).

/** What stands in for the App Key (the log only keeps it masked). */
export const APP_KEY_PLACEHOLDER = '<app-key>';
const APP_KEY_HEADER = 'x-public-api-key';

/** `text` as one single-quoted shell word (a ' inside becomes '\''). */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A curl command that sends the attempt's request again. */
export function curlCommand(attempt: { url: string; requestHeaders: Record<string, string>; requestBody: string | null }): string {
  const lines = [`curl -X POST ${shellQuote(attempt.url)}`];
  for (const [name, value] of Object.entries(attempt.requestHeaders)) {
    lines.push(`-H ${shellQuote(`${name}: ${name.toLowerCase() === APP_KEY_HEADER ? APP_KEY_PLACEHOLDER : value}`)}`);
  }
  if (attempt.requestBody !== null) lines.push(`--data-binary ${shellQuote(attempt.requestBody)}`);
  return lines.join(' \\\n  ');
}
