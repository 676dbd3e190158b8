// Service worker: precaches the built app under a versioned cache so the page reloads
// offline, shared links (any query string) included. The build stamps VERSION and
// ASSETS (scripts/stamp-sw.sh); a new build gets a new cache and the old one is dropped.
const VERSION = "__VERSION__";
const ASSETS = __ASSETS__;
const CACHE = "eventlens-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(["./", ...ASSETS])));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("eventlens-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // Network first for the page, so a new build is seen; the cached shell offline.
    event.respondWith(
      fetch(req).catch(() => caches.open(CACHE).then((c) => c.match("./", { ignoreSearch: true })))
    );
    return;
  }
  // Hashed assets never change: cache first; anything fetched later (the gazetteer) is
  // kept for offline use too.
  event.respondWith(
    caches.open(CACHE).then((c) =>
      c.match(req, { ignoreSearch: true }).then((hit) =>
        hit || fetch(req).then((resp) => {
          if (resp.ok) c.put(req, resp.clone());
          return resp;
        })
      )
    )
  );
});
