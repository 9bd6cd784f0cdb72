import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it('knows loopback in every spelling a URL gives', () => {
    const hosts = ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '[0:0:0:0:0:0:0:1]', '::ffff:127.0.0.1', '[::ffff:7f00:1]', 'LOCALHOST', new URL('http://[::1]:8080').hostname];
    expect(hosts.filter((h) => !isLoopbackHost(h))).toEqual([]);
  });

  it('refuses every other host, private ones included', () => {
    const hosts = ['10.0.0.1', '192.168.1.5', '0.0.0.0', '::', '[::ffff:10.0.0.1]', 'example.com', 'localhost.example.com', '127.0.0.1.nip.io', ''];
    expect(hosts.filter(isLoopbackHost)).toEqual([]);
  });
});
