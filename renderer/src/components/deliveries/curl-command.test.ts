// Copy as cURL: every logged header, the exact body safely quoted for a shell, and a placeholder for the App Key.
import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from './curl-command';

describe('copy as cURL', () => {
  it('repeats the request with its headers and exact body, the App Key as a placeholder', () => {
    const body = '{"id":"evt_1","data":{"note":"O\'Brien said \\"hi\\""}}';
    const command = curlCommand({
      url: 'https://crm.example.com/hooks/kayse?x=1&y=2',
      requestHeaders: { 'Content-Type': 'application/json', 'X-Kayse-Signature': 't=1790000000,v1=abc', 'X-Public-Api-Key': '••••cdef' },
      requestBody: body,
    });
    expect(command.split(' \\\n  ')).toEqual([
      "curl -X POST 'https://crm.example.com/hooks/kayse?x=1&y=2'",
      "-H 'Content-Type: application/json'",
      "-H 'X-Kayse-Signature: t=1790000000,v1=abc'",
      "-H 'X-Public-Api-Key: <app-key>'",
      `--data-binary '{"id":"evt_1","data":{"note":"O'\\''Brien said \\"hi\\""}}'`,
    ]);
    expect(command).not.toContain('cdef');
  });

  it('quotes a single quote so the shell gives back the same text', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME `x`')).toBe("'$HOME `x`'");
  });

  it('leaves the body out when it is no longer stored', () => {
    expect(curlCommand({ url: 'https://a.example', requestHeaders: {}, requestBody: null })).toBe("curl -X POST 'https://a.example'");
  });
});
