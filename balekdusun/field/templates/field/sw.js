// Balek Dusun field app service worker ({{ version }}). Served from {{ index }} so its scope is the app.
const CACHE = "bd-field-{{ version }}";
const SHELL = {{ shell|safe }};
const INDEX = "{{ index }}";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("bd-field-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return; // sync goes to the network
  if (req.mode === "navigate" && url.pathname.startsWith(INDEX)) {
    // The app shell: from the cache (works with no signal), refreshed in the background when online.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(INDEX);
        const network = fetch(INDEX).then((res) => {
          if (res.ok) cache.put(INDEX, res.clone());
          return res;
        });
        if (cached) {
          event.waitUntil(network.catch(() => null));
          return cached;
        }
        return network;
      }),
    );
    return;
  }
  if (SHELL.includes(url.pathname) || url.pathname.startsWith("/static/field/")) {
    event.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
  }
});
