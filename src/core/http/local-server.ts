/**
 * What every local server of ours (the sandbox, the webhook receiver) does the same way: listen on
 * loopback and say where, destroy clients that never finish their request, and close with every
 * connection. A half-closed socket stays open as long as the client keeps it, and 512 slow clients
 * that never close would lock a server out for good: they are destroyed.
 */
import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const ANSWER_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';
const ANSWER_BAD = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** Writes a last answer and destroys the socket: once the bytes are out, and in any case within half a second. */
export function destroyAfter(socket: Duplex, answer: string): void {
  const timer = setTimeout(() => socket.destroy(), 500);
  timer.unref();
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.write(answer, () => {
    clearTimeout(timer);
    socket.destroy();
  });
}

/** Slow (request timeout) and malformed clients get 408 / 400 and their socket destroyed; `log` hears which. */
export function destroyBrokenClients(server: http.Server, log?: (timeout: boolean, code: string | undefined) => void): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_HEADERS_TIMEOUT';
    log?.(timeout, err.code);
    destroyAfter(socket, timeout ? ANSWER_TIMEOUT : ANSWER_BAD);
  });
}

/** Listens and resolves with the server's base URL, e.g. http://127.0.0.1:43121. */
export async function listenLocal(server: http.Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
