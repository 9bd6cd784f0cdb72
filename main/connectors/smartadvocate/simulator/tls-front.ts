// HTTPS in front of the simulator, for a self-hosted SmartAdvocate whose certificate only the firm's CA signs:
// a TLS server on loopback that passes each connection to the plain HTTP simulator behind it.
import { connect, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';

export interface TlsFront {
  port: number;
  close(): Promise<void>;
}

/** Serves TLS with `cert` / `key` on 127.0.0.1 and relays to 127.0.0.1:`targetPort`. */
export async function startTlsFront(targetPort: number, tls: { cert: string; key: string }, port = 0): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer({ cert: tls.cert, key: tls.key }, (client: TLSSocket) => {
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    // One side gone (a dropped answer, a client that gave up): the other goes too.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  // A client that refuses the certificate ends the handshake: that is the point of the test, not an error here.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
