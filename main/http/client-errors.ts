// Requests that are not readable HTTP (a malformed request line or header, headers too large, too slow to arrive)
// never reach a route or a hook: node answers them on the socket. This answers them in each server's own error
// shape instead of fastify's default body, then closes the connection as node does.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** The status and a plain reason for one client error. */
function classify(error: NodeJS.ErrnoException): { status: number; reason: string } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, reason: 'The request did not arrive in time.' };
  if (error.code === 'HPE_HEADER_OVERFLOW') return { status: 431, reason: 'The request headers are too large.' };
  return { status: 400, reason: 'The request is not valid HTTP.' };
}

/** fastify's `clientErrorHandler` option: `body` turns the reason into the server's JSON error body. */
export function createClientErrorHandler(body: (reason: string) => unknown) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    // A reset connection has no one left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, reason } = classify(error);
    const text = JSON.stringify(body(reason));
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
    }
    socket.destroy(error);
  };
}
