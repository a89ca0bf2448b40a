import { request } from 'node:http';

export interface FromResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T>(): T;
}

/**
 * One HTTP request whose socket is bound to `localAddress` (127.0.0.2, 127.0.0.9…): on
 * Linux every 127.x address reaches the loopback interface, so a test can be several
 * clients at once without forging a header — the server sees the TCP peer.
 */
export function httpFrom(
  baseUrl: string,
  opts: { method?: string; path: string; localAddress?: string; headers?: Record<string, string>; body?: unknown },
): Promise<FromResponse> {
  const url = new URL(opts.path, baseUrl);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((ok, fail) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: opts.method ?? (payload ? 'POST' : 'GET'),
        localAddress: opts.localAddress,
        // A fresh connection per request: a kept-alive socket would carry the first address.
        agent: false,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          ok({ status: res.statusCode ?? 0, headers: res.headers, body, json: <T>() => JSON.parse(body) as T });
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    if (payload) req.write(payload);
    req.end();
  });
}
