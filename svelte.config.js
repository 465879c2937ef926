import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * BASE_PATH lets the static site live under a sub-path (for example `/quiesce`).
 * It must start with a slash and must not end with one; an empty value means the root.
 */
const base = process.env.BASE_PATH ?? '';
if (base !== '' && !/^\/[^\s]*[^/\s]$/.test(base)) {
	throw new Error(`BASE_PATH must start with "/" and not end with "/": got "${base}"`);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		paths: { base },
		// src/service-worker.ts is registered by the root layout, after load and never fatally.
		serviceWorker: { register: false },
		prerender: { entries: ['*'], handleHttpError: 'fail' }
	}
};

export default config;
