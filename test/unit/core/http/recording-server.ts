/** A local HTTP server on 127.0.0.1 that records every request and answers from a script. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Responder = (req: Recorded, res: http.ServerResponse) => void;

export interface RecordingServer {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

/** Answers the n-th request with responders[n] (the last one repeats). */
export async function recordingServer(...responders: Responder[]): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(rec);
      const respond = responders[Math.min(requests.length - 1, responders.length - 1)];
      try {
        respond(rec, res);
      } catch {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

export function raw(status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Responder {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

/** Never answers (for response timeouts). */
export const silent: Responder = () => undefined;
