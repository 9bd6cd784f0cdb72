// The simulator's sign-in tokens: HS256 JWTs shaped like SmartAdvocate's (id, host, nbf, exp, iat, iss), with a
// configurable lifetime (about two hours at SmartAdvocate; seconds in tests), checked against the simulator's
// clock, and revocable all at once (`expire_tokens`).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenIssuer {
  issue(userID: number): string;
  /** The user id of a valid `Authorization: Bearer` header, or why it is refused. */
  verify(authorization: string | undefined): { userID: number } | { refused: string };
  /** Every token issued so far expires now. */
  expireAll(): void;
  issued(): number;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function createTokenIssuer(nowMs: () => number, lifetimeMs: () => number): TokenIssuer {
  const secret = randomBytes(32);
  let serial = 0;
  let validFromSerial = 0;
  const sign = (data: string) => createHmac('sha256', secret).update(data).digest();

  return {
    issue(userID) {
      serial += 1;
      const now = nowMs() / 1000;
      // exp may carry a fraction (a NumericDate is any JSON number), so second-long test lifetimes stay exact.
      const payload = { id: String(userID), host: '', nbf: now, exp: now + lifetimeMs() / 1000, iat: now, iss: 'SmartAdvocateSimulator', jti: serial };
      const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
      return `${data}.${sign(data).toString('base64url')}`;
    },
    verify(authorization) {
      const match = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization ?? '');
      if (!match) return { refused: 'invalid_token", error_description="No bearer token' };
      const [header, payload, signature] = match[1]!.split('.') as [string, string, string];
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'invalid_token", error_description="The signature is invalid' };
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { id: string; exp: number; jti: number };
      if (claims.exp * 1000 <= nowMs() || claims.jti <= validFromSerial) {
        return { refused: `invalid_token", error_description="The token expired at '${new Date(Math.min(claims.exp * 1000, nowMs())).toUTCString()}'` };
      }
      return { userID: Number(claims.id) };
    },
    expireAll() {
      validFromSerial = serial;
    },
    issued: () => serial,
  };
}
