// Test-only: a throwaway certificate authority and a server certificate signed by it, made with openssl at test time.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './temp-dir';

/** PEM text: `ca` is what a client trusts; `cert` + `key` are what the HTTPS server presents. */
export interface TestCa {
  ca: string;
  cert: string;
  key: string;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Generates a fresh CA and a server certificate for the given names (default localhost, 127.0.0.1, ::1). */
export function createTestCa(names: readonly string[] = ['localhost', '127.0.0.1', '::1']): TestCa {
  const tmp = makeTempDir('kayse-test-ca-');
  const file = (name: string) => join(tmp.dir, name);
  const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: tmp.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    openssl(['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Kayse Webhooks Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(['req', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${names[0] ?? 'localhost'}`]);
    const altNames = names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
    writeFileSync(file('server.ext'), `subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt',
      '-days', '2', '-extfile', 'server.ext']);
    return { ca: readFileSync(file('ca.crt'), 'utf8'), cert: readFileSync(file('server.crt'), 'utf8'), key: readFileSync(file('server.key'), 'utf8') };
  } finally {
    tmp.remove();
  }
}
