/* Meedoen's service worker (decision 046). Served by server/http/service-worker.ts with the build's
 * version in place of __VERSION__ and `Cache-Control: no-cache`, so that a new release is a new
 * worker. Three kinds of things are kept:
 *  - the shell (styles, icons, the offline page) in a cache named after the version;
 *  - hashed files (/build/, /locales/), which never change under their name, in the same cache;
 *  - for the person signed in on this phone only, their list of activities and their tickets, in
 *    a cache named after their user id. The page tells the worker who is signed in on every load;
 *    another person, or nobody (signed out, session ended), and every personal cache is deleted.
 *    Signing out (POST /logout) deletes it at once too. Nothing else that is personal is kept.
 */
const VERSION = "__VERSION__";
const SHELL = `meedoen-shell-${VERSION}`;
const PERSONAL = "meedoen-person-";
// app.css: pages kept by a worker before decision 049 still link it, until they are kept again.
const SHELL_FILES = ["/styles/app.css", "/favicon.svg", "/icons/icon-192.png"];
const MINE = "/activities/mine";
const TICKET = /^\/activities\/[A-Za-z0-9_-]+\/ticket$/;

self.addEventListener("install", (event) => {
  // A new worker takes over at once: it only keeps files, and every page it may meet still finds
  // its own hashed files under their names (kept below, or on the network).
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("meedoen-shell-") && name !== SHELL).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function personalCaches() {
  return (await caches.keys()).filter((name) => name.startsWith(PERSONAL));
}

async function forgetEveryone(except) {
  await Promise.all((await personalCaches()).filter((name) => name !== except).map((name) => caches.delete(name)));
}

/** The cache of the person signed in on this phone, if the page has said who that is. */
async function currentPersonCache() {
  const [name] = await personalCaches();
  return name ? caches.open(name) : null;
}

/** A fresh copy of "my activities" and of the ticket of each activity listed there. */
async function keepForPerson(userId) {
  const name = PERSONAL + userId;
  await forgetEveryone(name);
  const cache = await caches.open(name);
  const mine = await fetch(MINE, { credentials: "same-origin", redirect: "manual" });
  if (mine.status !== 200) return;
  const html = await mine.clone().text();
  await cache.put(MINE, mine);
  const ids = new Set([...html.matchAll(/href="\/activities\/([A-Za-z0-9_-]+)"/g)].map((match) => match[1]).filter((id) => id !== "mine"));
  const wanted = new Set([...ids].map((id) => `/activities/${id}/ticket`));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (TICKET.test(path) && !wanted.has(path)) await cache.delete(request);
  }
  await Promise.all(
    [...wanted].map(async (path) => {
      const answer = await fetch(path, { credentials: "same-origin", redirect: "manual" });
      // Only a real ticket (a seat): a waiting list or a pending sign-up answers 403.
      if (answer.status === 200) await cache.put(path, answer);
      else await cache.delete(path);
    }),
  );
}

/** The offline page in the reader's language, without cookies: it must not show anyone's name. */
async function keepOfflinePage(locale) {
  const answer = await fetch(`/offline?lang=${encodeURIComponent(locale)}`, { credentials: "omit" });
  if (answer.ok) await (await caches.open(SHELL)).put("/offline", answer);
}

/** The pages that open without a connection, whose scripts are kept ahead of time (Remix route ids). */
const OFFLINE_ROUTES = ["root", "routes/activities.mine", "routes/activities.$id_.ticket"];
const KEPT_FILE = /^\/(build|locales)\//;

/**
 * The hashed files of the pages kept for offline use (immutable under their names): the build's
 * manifest names the scripts of each route; the page sends its address and its translations.
 */
async function keepAssets(assets) {
  if (!Array.isArray(assets)) return;
  const files = new Set(assets.filter((path) => typeof path === "string" && KEPT_FILE.test(path)));
  const manifestPath = [...files].find((path) => path.startsWith("/build/manifest-"));
  if (manifestPath) {
    const text = await (await fetch(manifestPath)).text();
    const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
    for (const path of [manifest.entry.module, ...(manifest.entry.imports ?? [])]) files.add(path);
    for (const route of OFFLINE_ROUTES.map((id) => manifest.routes[id]).filter(Boolean)) {
      for (const path of [route.module, ...(route.imports ?? []), ...(route.css ?? [])]) files.add(path);
    }
  }
  const cache = await caches.open(SHELL);
  for (const path of files) {
    if (KEPT_FILE.test(path) && !(await cache.match(path))) await cache.add(path).catch(() => undefined);
  }
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || message.type !== "person") return;
  const work = [keepOfflinePage(message.locale).catch(() => undefined), keepAssets(message.assets).catch(() => undefined)];
  if (typeof message.userId === "string" && message.userId) work.push(keepForPerson(message.userId).catch(() => undefined));
  else work.push(forgetEveryone(null));
  event.waitUntil(Promise.all(work));
});

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) await cache.put(request, answer.clone());
  return answer;
}

async function networkFirst(request) {
  const cache = await caches.open(SHELL);
  try {
    const answer = await fetch(request);
    if (answer.ok) await cache.put(request, answer.clone());
    return answer;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

/** Pages: always the network; without one, the person's own kept page or the offline page. */
async function page(request) {
  const path = new URL(request.url).pathname;
  const personal = path === MINE || TICKET.test(path);
  try {
    const answer = await fetch(request);
    if (personal) {
      const cache = await currentPersonCache();
      if (cache && answer.status === 200 && !answer.redirected) await cache.put(path, answer.clone());
      else if (cache && answer.status !== 200) await cache.delete(path);
    }
    return answer;
  } catch {
    const cache = personal ? await currentPersonCache() : null;
    const kept = cache ? await cache.match(path) : undefined;
    if (kept) return kept;
    const offline = await (await caches.open(SHELL)).match("/offline");
    return offline ?? new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && (url.pathname === "/logout" || url.pathname === "/logout.data")) {
    event.waitUntil(forgetEveryone(null));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname.startsWith("/build/") || url.pathname.startsWith("/locales/")) {
    event.respondWith(cacheFirst(request));
  } else if (SHELL_FILES.includes(url.pathname) || url.pathname.startsWith("/icons/")) {
    event.respondWith(networkFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request));
  }
});
