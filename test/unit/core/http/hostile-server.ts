/** A loopback HTTP server that counts POSTs and connections and misbehaves as each test scripts it. */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Hostile {
  url: string;
  /** Requests whose body arrived complete. */
  posts: number;
  connections: number;
  close(): Promise<void>;
}

/** `behave` gets the n-th request (0-based) after its body arrived. */
export async function hostileServer(behave: (n: number, req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<Hostile> {
  const state = { posts: 0, connections: 0 };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => behave(state.posts++, req, res, body));
  });
  server.on('connection', (s) => {
    state.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get posts() {
      return state.posts;
    },
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearInterval);
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** Headers at once, then one byte every `everyMs`, never finishing. */
export function drip(res: http.ServerResponse, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
  res.write('{');
  const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), everyMs);
  res.on('close', () => clearInterval(t));
}
