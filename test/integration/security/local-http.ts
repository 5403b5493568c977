// Raw HTTP the way a browser (or anything else) would send it, with full control of the headers Node's
// fetch sets on its own (it always says `Sec-Fetch-Mode: cors`).
import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What Chromium sends for a link typed or clicked into a fresh tab: a top-level navigation. */
export const NAVIGATION = { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1' };

export const navigate = (url: string): Promise<RawAnswer> => rawRequest(url, NAVIGATION);

/** Resolves with the next payload of `event` for which `accept` holds. */
export function nextEvent<T>(subscribe: (listener: (event: string, payload: unknown) => void) => () => void, event: string, accept: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const off = subscribe((name, payload) => {
      if (name === event && accept(payload as T)) {
        off();
        resolve(payload as T);
      }
    });
  });
}
