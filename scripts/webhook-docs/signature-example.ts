// The worked signature example: one real request signed with both example secrets, and the openssl commands that
// reproduce its X-Kayse-Signature and webhook-signature values by hand.
import { code, codeBlock } from './markdown';
import { EXAMPLE_SECRETS, sampleRequest } from './sample-deliveries';

const keyHex = (secret: string) => Buffer.from(secret.slice('whsec_'.length), 'base64').toString('hex');

/** The example (a call_started event) with its signed strings, the resulting headers and how to recompute them. */
export function signatureExample(): string {
  const { headers, body, timestamp } = sampleRequest('call_started');
  if (body.includes("'")) throw new Error('the example body contains a quote: the shell commands below would break');
  const id = headers['webhook-id']!;
  const [active] = EXAMPLE_SECRETS;
  const kayseSigned = `${timestamp}.${body}`;
  const standardSigned = `${id}.${timestamp}.${body}`;
  const hmac = (signed: string, extra: string) => `printf '%s' '${signed}' \\\n  | openssl dgst -sha256 -mac HMAC -macopt hexkey:${keyHex(active)}${extra}`;
  return [
    `Signed with the two example secrets above, at ${code(`t = ${timestamp}`)}, the raw body`,
    codeBlock('json', body),
    'goes with these headers (one signature per secret: the active one first):',
    codeBlock('http', ['X-Kayse-Signature', 'webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => `${name}: ${headers[name]}`).join('\n')),
    `The HMAC key of ${code(active)} is the base64-decoded part after ${code('whsec_')}, 32 bytes: ${code(keyHex(active))}. ` +
      'These commands recompute the first signature of each header:',
    codeBlock(
      'sh',
      [
        '# X-Kayse-Signature v1: lowercase hex of HMAC-SHA256(key, "<t>.<raw body>")',
        hmac(kayseSigned, ' -hex | sed "s/^.*= //"'),
        '# webhook-signature v1: base64 of HMAC-SHA256(key, "<webhook-id>.<t>.<raw body>")',
        hmac(standardSigned, ' -binary | base64'),
      ].join('\n'),
    ),
  ].join('\n\n');
}
