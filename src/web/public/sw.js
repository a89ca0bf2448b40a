/*
 * Hải Đăng's service worker (hand-written, docs/decisions.md): keeps the app shell and what the
 * person last saw so a page opens without a connection. Pages (navigations): network first, the
 * cached shell when offline. Built assets (/assets/, hashed names): cache first. API reads
 * (GET /api/… answering JSON): network first, the last answer when offline. Writes are never
 * touched here: the SPA queues them itself (src/web/lib/outbox.ts).
 */
const SHELL = 'hd-shell-v1';
const API = 'hd-api-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const res = await fetch('/', { cache: 'no-store' });
      const html = await res.clone().text();
      await cache.put('/', res);
      // The entry script and styles the shell names; lazy page chunks are kept as they load.
      const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
      await cache.addAll(assets).catch(() => undefined);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== SHELL && key !== API) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // On logout: the next person on this device must not see the previous one's data.
  if (event.data === 'clear-api') event.waitUntil(caches.delete(API));
});

async function networkFirst(request, cacheName, fallbackKey) {
  try {
    const res = await fetch(request);
    if (res.ok && (cacheName === SHELL || (res.headers.get('content-type') || '').includes('application/json'))) {
      const cache = await caches.open(cacheName);
      await cache.put(fallbackKey || request, res.clone());
    }
    return res;
  } catch (err) {
    const hit = await caches.match(fallbackKey || request);
    if (hit) {
      const headers = new Headers(hit.headers);
      headers.set('x-hd-offline', '1');
      return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
    }
    throw err;
  }
}

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(SHELL)).put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // A file download (/api/…xlsx) is the browser's own business.
    if (url.pathname.startsWith('/api/')) return;
    event.respondWith(networkFirst(req, SHELL, '/'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(req));
    return;
  }
  if (url.pathname.startsWith('/api/') && !url.pathname.endsWith('/stream') && !(req.headers.get('accept') || '').includes('text/event-stream')) {
    event.respondWith(networkFirst(req, API));
  }
});
