/*
 * Offline reading: the site's service worker. The build publishes it at the site root as /sw.js (its
 * scope is the whole site), after a first line `const BUILD = {...}` (scripts/features/offline/worker.py):
 *   version    changes with the content of the site: each build with changes has its own cache;
 *   languages  each language's folder under the root ("" for French, "en/" for English);
 *   offline    each language's offline page;
 *   precache   per language: the home, FAQ, eligibility and take-part pages, the offline pages, and
 *              what they load, kept as soon as a reader of that language opens any page;
 *   files      a revision (hash) of each page and file worth keeping from one build to the next.
 * Pages come from the network first, so nobody reads a stale page when online; a page is kept each time
 * it is read, and served from the device when the network fails, marked so that it shows the offline note.
 * Other files (styles, scripts, images, PDFs, the search index and engine) come from the device once kept,
 * so that search works offline too.
 * A new build's worker keeps what did not change (same revision), then drops the older caches.
 */
"use strict";

const PREFIX = "rc-offline-";
const CACHE = PREFIX + BUILD.version;
const SCOPE = self.registration.scope;
const REVISIONS = SCOPE + "sw-revisions.json"; /* each cache keeps the revisions of its build */

/* A URL's path under the scope, without query or fragment: "faq/", "assets/stylesheets/site.css". */
const pathOf = (url) => new URL(url).pathname.slice(new URL(SCOPE).pathname.length);

/* The language whose folder holds the path (the longest match: "" is the default language). */
function languageOf(path) {
  let found = null;
  for (const [lang, folder] of Object.entries(BUILD.languages))
    if (path.startsWith(folder) && (found === null || folder.length > BUILD.languages[found].length))
      found = lang;
  return found;
}

/* Pages are kept without query or fragment (a search result adds "?q=..."). */
const isPage = (path) => path === "" || path.endsWith("/") || path.endsWith(".html");
const pageKey = (url) => SCOPE + pathOf(url);

/* Fetch what the cache lacks and keep it; `mode` is the HTTP cache mode (what the page has just
   loaded comes from the browser's own cache, without the network). Failures are left for later. */
async function keep(cache, urls, mode) {
  await Promise.all(urls.map(async (url) => {
    if (await cache.match(url))
      return;
    try {
      const response = await fetch(url, {cache: mode});
      if (response.status === 200 && response.type === "basic")
        await cache.put(url, response);
    } catch (error) { /* offline: kept on a later visit */ }
  }));
}

const precache = (cache, lang) => keep(cache, (BUILD.precache[lang] || []).map((path) => SCOPE + path), "no-cache");

/* A new build: keep from the older caches what has the same revision, and the main pages of the
   languages read so far (those whose home is kept). */
async function carryOver() {
  const cache = await caches.open(CACHE);
  await cache.put(REVISIONS, new Response(JSON.stringify(BUILD.files)));
  const languages = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE)
      continue;
    const old = await caches.open(name);
    const kept = await old.match(REVISIONS);
    const revisions = kept ? await kept.json() : {};
    for (const request of await old.keys()) {
      const path = pathOf(request.url);
      const lang = Object.keys(BUILD.languages).find((l) => BUILD.languages[l] === path);  /* its home */
      if (lang)
        languages.add(lang);
      if (request.url !== REVISIONS && path in BUILD.files && revisions[path] === BUILD.files[path])
        await cache.put(request, await old.match(request));
    }
  }
  await Promise.all([...languages].map((lang) => precache(cache, lang)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(carryOver().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

/* Each page says what it loaded (reader-tools.js): keep it, and the pages of its language to read
   offline (unless the reader asked their browser to save data). */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "visited" || typeof data.page !== "string" || !data.page.startsWith(SCOPE))
    return;
  const loaded = [data.page, ...(data.loaded || [])].filter((url) => url.startsWith(SCOPE))
    .map((url) => isPage(pathOf(url)) ? pageKey(url) : url);
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await keep(cache, loaded, "force-cache");
    if (!data.saveData)
      await precache(cache, languageOf(pathOf(data.page)));
    if (event.source)
      event.source.postMessage({type: "kept"});
  }));
});

/* A page kept on the device, served when the network failed: marked for the offline note (site.css). */
async function markedOffline(response) {
  const headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  const html = (await response.text()).replace("<html", "<html data-rc-offline");
  return new Response(html, {status: 200, headers: headers});
}

async function page(event) {
  const cache = await caches.open(CACHE);
  const key = pageKey(event.request.url);
  try {
    /* Past the browser's HTTP cache (a host may let it keep pages for minutes): when the network fails,
       the reader gets the kept page with its offline note, not a silent copy */
    const response = await fetch(event.request, {cache: "no-cache"});
    if (response.status === 200 && response.type === "basic" &&
        (response.headers.get("Content-Type") || "").startsWith("text/html"))
      event.waitUntil(cache.put(key, response.clone()));
    return response;
  } catch (error) {
    const saved = await cache.match(key);
    if (saved)
      return markedOffline(saved);
    /* The offline page in the language of the address, else in any language kept. */
    for (const path of [BUILD.offline[languageOf(pathOf(key))], ...Object.values(BUILD.offline)]) {
      const offline = await cache.match(SCOPE + path);
      if (offline)
        return offline;
    }
    return Response.error();
  }
}

async function file(event) {
  const cache = await caches.open(CACHE);
  /* The search worker is kept without its "?material=…" (scripts/mkdocs_glue/search_index.py). A worker's address
     is its answer's: a new answer, which has none, keeps the page's, and with it the name of Material's worker. */
  const worker = event.request.destination === "worker";
  const saved = await cache.match(event.request, {ignoreSearch: worker});
  if (saved)
    return worker ? new Response(saved.body, {status: saved.status, headers: saved.headers}) : saved;
  const response = await fetch(event.request);
  if (response.status === 200 && response.type === "basic")
    event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE))
    return;
  const navigation = request.mode === "navigate" && isPage(pathOf(request.url));
  event.respondWith(navigation ? page(event) : file(event));
});
