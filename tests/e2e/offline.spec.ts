// Offline use as a presenter meets it: open the app once (the service worker precaches the
// build and every prerendered page), then with the network gone every page still opens, and the
// lab's simulation runs. Only this spec lets the service worker register (the config blocks it).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mode } from './lab-page';

/** Every route of the app and its h1. Adding a route is one line. */
export const OFFLINE_ROUTES: readonly { path: string; heading: string | RegExp }[] = [
	{ path: '/', heading: 'Quiesce' },
	{ path: '/compare', heading: 'Quiesce' },
	{ path: '/scenarios', heading: 'Scenarios' },
	{ path: '/scenarios/edit', heading: 'Scenario editor' },
	{ path: '/docs', heading: 'Documentation' },
	{ path: '/docs/commands', heading: 'Commands' },
	{ path: '/docs/scenarios', heading: 'Scenario format' },
	{ path: '/docs/model', heading: 'How the model works' },
	{ path: '/docs/embed', heading: 'Embedding Quiesce' },
	{ path: '/embed', heading: /ITSOSSIB/ },
	{ path: '/learn', heading: /Learn SSI/ },
	{ path: '/learn/what-is-an-ssi-cluster', heading: /What an SSI cluster is/ },
	{ path: '/learn/lgr-and-availability', heading: /Planned, not unplanned/ },
	{ path: '/present', heading: 'Presenter mode' },
	{ path: '/present/first-relocation', heading: 'One cluster, four members' },
	{ path: '/present/first-relocation/notes', heading: 'Speaker notes: Your first relocation' }
];

test.use({ serviceWorkers: 'allow' });

/** The first visit: the lab, until the service worker is active and controls the page. */
async function visitOnce(page: Page) {
	await page.goto('/');
	await expect(mode(page, 'Stable')).toBeVisible();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** No network at all: the browser is offline and any request that still leaves it fails. */
async function goOffline(context: BrowserContext) {
	await context.setOffline(true);
	await context.route('**/*', (route) => route.abort('internetdisconnected'));
}

test('after one visit every page opens without the network, from the service worker', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	await visitOnce(page);
	await goOffline(context);
	for (const { path, heading } of OFFLINE_ROUTES) {
		for (const url of [path, path === '/' ? '/' : `${path}/`]) {
			const response = await page.goto(url);
			expect(response?.fromServiceWorker(), `${url} from the service worker`).toBe(true);
			await expect(page.getByRole('heading', { level: 1, name: heading }), url).toBeVisible();
		}
	}
});

test('offline, the lab runs its simulation and another scenario loads', async ({
	page,
	context
}) => {
	await visitOnce(page);
	await goOffline(context);
	await page.reload();
	await expect(mode(page, 'Stable')).toBeVisible();
	await expect(page.getByText('State Joined').first()).toBeVisible();
	// A scenario never opened online: its data is in the precached build.
	await page.goto('/?scenario=myclustr');
	await expect(page.getByText('State Down').first()).toBeVisible();
	await expect(page.getByText(/^\d+:\d{2}\.\d{3} elapsed$/)).toBeVisible();
});

test('offline, a page never visited opens, and its links work inside the app', async ({
	page,
	context
}) => {
	await visitOnce(page);
	await goOffline(context);
	// Only the lab was visited: the reference was precached on install.
	await page.goto('/docs/model/');
	await expect(page.getByRole('heading', { level: 1, name: 'How the model works' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'SSI cluster timing' })).toContainText('2 s');
	// A client-side navigation fetches the next page's data: precached too.
	await page
		.getByRole('navigation', { name: 'Documentation' })
		.getByRole('link', { name: 'Commands' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Commands' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'VMRELOCATE MOVE' })).toBeVisible();
});
