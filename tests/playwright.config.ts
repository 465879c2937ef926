import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './browser';

/** E2E_PORT lets two checkouts run their suites side by side (each serves its own build). */
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: './e2e',
	outputDir: './.output/e2e',
	fullyParallel: true,
	// Two browsers at once on the 2-core machines this runs on (CI included); E2E_WORKERS overrides.
	workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions,
		// The app's service worker precaches every page on install; only the offline spec allows it,
		// so no other test shares a cache or a worker with it.
		serviceWorkers: 'block'
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], launchOptions, serviceWorkers: 'block' }
		}
	],
	webServer: {
		command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		cwd: '..',
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
