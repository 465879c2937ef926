/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use: after the first visit the whole app works without the network. On install the
 * worker precaches the build (JS, CSS, the simulation workers), the static files and every
 * prerendered page and data file into a cache named for this build's version; on activate it
 * deletes the caches of earlier builds, so a new deploy replaces the old copy. Precached files
 * are served from the cache; page navigations go to the network first and fall back to the
 * cached page (as adapter-static writes it: `/docs/`, `/docs/index.html`, `/docs.html`), so a
 * presenter offline still gets every page. Requests to other origins, and anything but GET, are
 * never touched. Paths carry the deployment's base (`BASE_PATH`).
 */
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'quiesce-';
const CACHE = `${PREFIX}${version}`;
/** Everything the app needs, as paths on this origin. */
const PRECACHE = [...new Set([...build, ...files, ...prerendered])];
const PRECACHED = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});

/** The cached copies a page URL may be stored under, most likely first. */
function pageCandidates(pathname: string): string[] {
	const bare = pathname.replace(/\/(index\.html)?$/, '').replace(/\.html$/, '');
	return [
		pathname,
		`${bare}/`,
		bare,
		`${bare}/index.html`,
		`${bare}.html`,
		// The site's root under its base.
		...(bare === base ? [`${base}/`] : [])
	];
}

async function fromCache(pathnames: readonly string[]): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	for (const p of pathnames) {
		const hit = await cache.match(p, { ignoreSearch: true });
		if (hit) return hit;
	}
	return undefined;
}

async function navigate(request: Request, url: URL): Promise<Response> {
	try {
		return await fetch(request);
	} catch (networkError) {
		const cached = await fromCache(pageCandidates(url.pathname));
		if (cached) return cached;
		throw networkError;
	}
}

async function asset(request: Request, url: URL): Promise<Response> {
	const cached = await fromCache([url.pathname]);
	return cached ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(navigate(request, url));
	} else if (PRECACHED.has(url.pathname)) {
		event.respondWith(asset(request, url));
	} else if (url.pathname.endsWith('/__data.json')) {
		// A page's data on a client-side navigation: fresh when online, the precached copy offline.
		event.respondWith(
			fetch(request).catch(async (e) => (await fromCache([url.pathname])) ?? Promise.reject(e))
		);
	}
});
